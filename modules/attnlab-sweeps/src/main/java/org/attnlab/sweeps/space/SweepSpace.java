package org.attnlab.sweeps.space;

import org.deeplearning4j.arbiter.optimize.api.ParameterSpace;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The Arbiter parameter space of a sweep: one leaf space per dotted config key, giving {@link TrialParams}. */
public final class SweepSpace implements ParameterSpace<TrialParams> {

    private final LinkedHashMap<String, ParameterSpace<?>> spaces;

    public SweepSpace(Map<String, ParameterSpace<?>> spaces) {
        this.spaces = new LinkedHashMap<>(spaces);
    }

    @Override
    public TrialParams getValue(double[] parameterValues) {
        LinkedHashMap<String, Object> values = new LinkedHashMap<>();
        spaces.forEach((key, space) -> values.put(key, space.getValue(parameterValues)));
        return new TrialParams(values);
    }

    @Override
    public int numParameters() {
        return spaces.values().stream().mapToInt(ParameterSpace::numParameters).sum();
    }

    @Override
    public List<ParameterSpace> collectLeaves() {
        List<ParameterSpace> leaves = new ArrayList<>();
        spaces.values().forEach(s -> leaves.addAll(s.collectLeaves()));
        return leaves;
    }

    @Override
    public Map<String, ParameterSpace> getNestedSpaces() {
        return new LinkedHashMap<>(spaces);
    }

    @Override
    public boolean isLeaf() {
        return false;
    }

    @Override
    public void setIndices(int... indices) {
        throw new UnsupportedOperationException("SweepSpace is not a leaf: its leaves are indexed one by one");
    }
}
