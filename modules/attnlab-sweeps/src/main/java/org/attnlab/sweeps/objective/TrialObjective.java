package org.attnlab.sweeps.objective;

import java.util.Map;

/** One trial of a sweep: runs the experiment for {@code params} (dotted config keys to values) and reports its metrics. */
@FunctionalInterface
public interface TrialObjective {

    /**
     * Runs trial number {@code trial}. Intermediate values of the objective metric go to {@code reporter};
     * when it answers {@code true} (prune) the trial should stop early and return what it has.
     */
    TrialResult run(int trial, Map<String, Object> params, long seed, IntermediateReporter reporter) throws Exception;
}
