package org.attnlab.sweeps.run;

import org.attnlab.sweeps.objective.TrialObjective;
import org.attnlab.sweeps.prune.CompletedCurves;
import org.attnlab.sweeps.store.TrialOutcome;

/** Runs trials in the calling thread of this JVM; pruning sees completed trials live. */
public final class LocalBackend implements TrialBackend {

    private final TrialRunner runner;
    private final TrialObjective objective;
    private final CompletedCurves curves;
    private final int threadsPerTrial;

    public LocalBackend(TrialRunner runner, TrialObjective objective, CompletedCurves curves, int threadsPerTrial) {
        this.runner = runner;
        this.objective = objective;
        this.curves = curves;
        this.threadsPerTrial = threadsPerTrial;
    }

    @Override
    public TrialOutcome execute(TrialSpec spec) {
        return runner.run(spec, objective, curves::snapshot);
    }

    @Override
    public int defaultParallelism() {
        return Math.max(1, Runtime.getRuntime().availableProcessors() / threadsPerTrial);
    }

    @Override
    public String toString() {
        return "this JVM";
    }
}
