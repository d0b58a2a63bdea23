package org.attnlab.experiments.run;

/**
 * Which weights a run's test metrics come from ({@value #FILE} in the run folder): the checkpoint of the best
 * validation (lowest validation loss, the earliest on ties), or the final weights when the run never validated.
 *
 * @param step      step of the weights that were tested
 * @param lastStep  steps trained
 * @param rule      how {@code step} was chosen, in words
 */
public record TestCheckpoint(long step, long lastStep, String rule) {
    /** File name in the run folder. */
    public static final String FILE = "test-checkpoint.json";
    static final String BEST = "lowest validation loss";
    static final String FINAL = "final weights (no validation)";

    /** The choice for a run that ended after {@code lastStep} steps in {@code state}. */
    static TestCheckpoint of(TrainingState state, long lastStep) {
        boolean none = state.bestCheckpoint() == null || state.bestCheckpoint().isEmpty();   // none kept yet, or an older state.json
        return none ? new TestCheckpoint(lastStep, lastStep, FINAL)
                : new TestCheckpoint(state.bestStep(), lastStep, BEST);
    }
}
