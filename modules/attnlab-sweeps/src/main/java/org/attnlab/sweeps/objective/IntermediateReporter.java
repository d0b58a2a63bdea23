package org.attnlab.sweeps.objective;

/** Receives a trial's intermediate objective metric; its answer tells the trial whether to stop (prune). */
@FunctionalInterface
public interface IntermediateReporter {

    /** Records {@code value} of the objective metric at {@code step}; returns true when the trial should stop now. */
    boolean report(long step, double value);

    /** A reporter that records nothing and never prunes. */
    IntermediateReporter NONE = (step, value) -> false;
}
