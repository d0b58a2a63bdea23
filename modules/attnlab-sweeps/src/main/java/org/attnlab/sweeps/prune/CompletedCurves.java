package org.attnlab.sweeps.prune;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** The intermediate curves (step to value) of a sweep's completed trials, shared by concurrent trials. */
public final class CompletedCurves {

    private final List<SortedMap<Long, Double>> curves = new CopyOnWriteArrayList<>();

    /** Adds the curve of a trial that completed. */
    public void add(SortedMap<Long, Double> curve) {
        curves.add(new TreeMap<>(curve));
    }

    /** A serializable copy of the curves known now. */
    public ArrayList<SortedMap<Long, Double>> snapshot() {
        return new ArrayList<>(curves);
    }
}
