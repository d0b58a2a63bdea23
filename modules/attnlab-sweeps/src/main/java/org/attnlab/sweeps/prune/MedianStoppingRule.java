package org.attnlab.sweeps.prune;

import org.attnlab.sweeps.config.Direction;

import java.io.Serializable;
import java.util.Collection;
import java.util.Optional;
import java.util.SortedMap;

/**
 * Median stopping: a trial stops when its intermediate value at a step is worse than the median of the values that
 * completed trials reported at that same step, once past {@code warmupSteps} and with at least {@code minTrials} to compare.
 */
public record MedianStoppingRule(Direction direction, long warmupSteps, int minTrials) implements Serializable {

    /** Why the trial should stop at {@code step} with {@code value}, or empty when it should go on. */
    public Optional<String> check(long step, double value, Collection<SortedMap<Long, Double>> completedCurves) {
        if (step < warmupSteps) {
            return Optional.empty();
        }
        double[] peers = completedCurves.stream().map(c -> c.get(step)).filter(v -> v != null && !v.isNaN())
                .mapToDouble(Double::doubleValue).sorted().toArray();
        if (peers.length < minTrials) {
            return Optional.empty();
        }
        double median = median(peers);
        if (!direction.better(median, value)) {
            return Optional.empty();
        }
        return Optional.of("median stopping at step " + step + ": " + value + " is worse than the median " + median
                + " of " + peers.length + " completed trials");
    }

    static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
