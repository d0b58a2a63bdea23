package org.attnlab.sweeps.objective;

import java.io.Serializable;
import java.util.Map;

/** Final metrics of one trial, by name (the sweep's objective metric must be among them). */
public record TrialResult(Map<String, Double> metrics) implements Serializable {

    public TrialResult {
        metrics = Map.copyOf(metrics);
    }

    /** A result with a single metric. */
    public static TrialResult of(String metric, double value) {
        return new TrialResult(Map.of(metric, value));
    }
}
