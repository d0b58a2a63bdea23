package org.attnlab.sweeps.run;

import org.attnlab.sweeps.objective.TrialObjective;
import org.attnlab.sweeps.objective.TrialResult;
import org.attnlab.sweeps.prune.MedianStoppingRule;
import org.attnlab.sweeps.prune.PruningReporter;
import org.attnlab.sweeps.store.TrialOutcome;
import org.attnlab.sweeps.store.TrialState;

import java.io.Serializable;
import java.util.Collection;
import java.util.SortedMap;
import java.util.function.Supplier;

/**
 * Runs one trial and turns whatever happens into a {@link TrialOutcome}: done with its score, pruned,
 * or failed with the reason (an exception, a missing metric, NaN). Never throws for a trial's own failure.
 */
public final class TrialRunner implements Serializable {

    private final String metric;
    private final MedianStoppingRule rule;

    /** {@code rule} may be null when pruning is off. */
    public TrialRunner(String metric, MedianStoppingRule rule) {
        this.metric = metric;
        this.rule = rule;
    }

    /** The sweep's objective metric. */
    public String metric() {
        return metric;
    }

    /** Runs {@code spec} with {@code objective}; {@code completed} gives completed trials' curves for pruning. */
    public TrialOutcome run(TrialSpec spec, TrialObjective objective,
                            Supplier<? extends Collection<SortedMap<Long, Double>>> completed) {
        PruningReporter reporter = new PruningReporter(rule, completed);
        TrialResult result;
        try {
            result = objective.run(spec.index(), spec.params(), spec.seed(), reporter);
        } catch (Exception | LinkageError | AssertionError e) {
            return TrialOutcome.failed(reporter.curve(), e.toString());
        }
        if (reporter.failReason().isPresent()) {
            return TrialOutcome.failed(reporter.curve(), reporter.failReason().get());
        }
        if (result == null) {
            return TrialOutcome.failed(reporter.curve(), "objective returned no result");
        }
        Double score = result.metrics().get(metric);
        if (reporter.pruneReason().isPresent()) {
            return new TrialOutcome(TrialState.PRUNED, score, result.metrics(), reporter.curve(),
                    reporter.pruneReason().get());
        }
        if (score == null) {
            return TrialOutcome.failed(reporter.curve(),
                    "objective reported no metric '" + metric + "' (got " + result.metrics().keySet() + ")");
        }
        if (!Double.isFinite(score)) {
            return TrialOutcome.failed(reporter.curve(), "objective metric '" + metric + "' is " + score);
        }
        return new TrialOutcome(TrialState.DONE, score, result.metrics(), reporter.curve(), null);
    }
}
