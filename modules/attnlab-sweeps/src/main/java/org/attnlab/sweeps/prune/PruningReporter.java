package org.attnlab.sweeps.prune;

import org.attnlab.sweeps.objective.IntermediateReporter;

import java.util.Collection;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The reporter handed to one trial: keeps its curve, answers "stop" when the stopping rule (if any) says prune or
 * when the value is NaN or infinite, and remembers why.
 */
public final class PruningReporter implements IntermediateReporter {

    private final MedianStoppingRule rule;
    private final Supplier<? extends Collection<SortedMap<Long, Double>>> completed;
    private final TreeMap<Long, Double> curve = new TreeMap<>();
    private String pruneReason;
    private String failReason;

    /** {@code rule} may be null (pruning off); {@code completed} gives the curves of completed trials. */
    public PruningReporter(MedianStoppingRule rule, Supplier<? extends Collection<SortedMap<Long, Double>>> completed) {
        this.rule = rule;
        this.completed = completed;
    }

    @Override
    public synchronized boolean report(long step, double value) {
        curve.put(step, value);
        if (!Double.isFinite(value)) {
            failReason = "objective metric is " + value + " at step " + step;
            return true;
        }
        if (rule != null && pruneReason == null) {
            Optional<String> reason = rule.check(step, value, completed.get());
            reason.ifPresent(r -> pruneReason = r);
        }
        return pruneReason != null;
    }

    /** The curve reported so far. */
    public synchronized SortedMap<Long, Double> curve() {
        return new TreeMap<>(curve);
    }

    /** Why the trial was pruned, if it was. */
    public synchronized Optional<String> pruneReason() {
        return Optional.ofNullable(pruneReason);
    }

    /** Why the trial failed from its intermediate values (NaN or infinite), if it did. */
    public synchronized Optional<String> failReason() {
        return Optional.ofNullable(failReason);
    }
}
