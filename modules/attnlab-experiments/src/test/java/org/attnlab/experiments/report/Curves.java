package org.attnlab.experiments.report;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongToDoubleFunction;
import org.attnlab.experiments.store.MetricRow;

/** Synthetic validation curves for report tests. */
final class Curves {
    private Curves() {
    }

    /** Validations at steps {@code every, 2 every, ..., last} with the given loss and accuracy. */
    static List<MetricRow> of(long every, long last, LongToDoubleFunction loss, LongToDoubleFunction accuracy) {
        List<MetricRow> rows = new ArrayList<>();
        for (long s = every; s <= last; s += every) {
            rows.add(new MetricRow(s, 0, loss.applyAsDouble(s), loss.applyAsDouble(s), accuracy.applyAsDouble(s), 0, 0,
                    0));
        }
        return rows;
    }
}
