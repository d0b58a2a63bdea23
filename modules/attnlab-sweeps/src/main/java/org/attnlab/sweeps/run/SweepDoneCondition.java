package org.attnlab.sweeps.run;

import org.deeplearning4j.arbiter.optimize.api.CandidateGenerator;
import org.deeplearning4j.arbiter.optimize.api.termination.TerminationCondition;
import org.deeplearning4j.arbiter.optimize.runner.IOptimizationRunner;

/** Ends Arbiter's runner once the generator has no candidate left and no trial is still running. */
public final class SweepDoneCondition implements TerminationCondition {

    private final CandidateGenerator candidates;

    public SweepDoneCondition(CandidateGenerator candidates) {
        this.candidates = candidates;
    }

    @Override
    public void initialize(IOptimizationRunner runner) {
        // nothing to set up
    }

    @Override
    public boolean terminate(IOptimizationRunner runner) {
        return runner.numCandidatesQueued() == 0 && !candidates.hasMoreCandidates();
    }
}
