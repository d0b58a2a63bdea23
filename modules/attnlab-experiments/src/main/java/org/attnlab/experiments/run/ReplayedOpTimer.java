package org.attnlab.experiments.run;

/**
 * Receives the time of each op a replayed training step executes (see {@link FitSession#timeReplayedOps}), for
 * profiling the training path itself: a step with SameDiff listeners goes through the session instead.
 */
public interface ReplayedOpTimer {
    /** The name a replayed step's parameter updates (updater op and subtraction) are timed under. */
    String UPDATE = "parameter update";

    /**
     * The op of type {@code op} ({@code matmul_bp}, ..., or {@link #UPDATE} for the parameter updates that follow an
     * op) took {@code nanos}; {@code shapes} reads "input shapes -> output shapes", or for updates names the updated
     * parameters.
     */
    void ran(String op, String shapes, long nanos);
}
