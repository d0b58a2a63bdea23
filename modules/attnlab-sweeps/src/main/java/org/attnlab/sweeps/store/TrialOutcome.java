package org.attnlab.sweeps.store;

import java.io.Serializable;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * How a trial ended: its state (done, failed or pruned), the objective score (null when failed),
 * all final metrics, the intermediate curve (step to objective value) and, when failed or pruned, why.
 */
public record TrialOutcome(TrialState state, Double score, Map<String, Double> metrics,
                           SortedMap<Long, Double> curve, String reason) implements Serializable {

    public TrialOutcome {
        metrics = Map.copyOf(metrics);
        curve = new TreeMap<>(curve);
    }

    /** A failure with no metrics. */
    public static TrialOutcome failed(SortedMap<Long, Double> curve, String reason) {
        return new TrialOutcome(TrialState.FAILED, null, Map.of(), curve, reason);
    }
}
