package org.attnlab.experiments.store;

/**
 * The outcome of one run (one variant, one seed), as indexed in SQLite and written to {@code summary.json}.
 *
 * @param runId           folder name under {@code results/<experiment>/}
 * @param status          running, completed or failed
 * @param reason          why it failed (empty otherwise)
 * @param parameters      trainable parameters
 * @param steps           optimizer steps done
 * @param seconds         training wall time
 * @param secondsPerEpoch training wall time per pass over the training set
 * @param tokensPerSecond training throughput
 * @param testLoss        test loss of the final model
 * @param testTokenAcc    test token accuracy
 * @param testSeqAcc      test sequence accuracy
 * @param testBleu        corpus BLEU-4 (0..1) of greedy test decodes (NaN where not measured: synthetic data)
 */
public record RunSummary(String runId, String experiment, String variant, long seed, String status, String reason,
                         long parameters, long steps, double seconds, double secondsPerEpoch, double tokensPerSecond,
                         double testLoss, double testTokenAcc, double testSeqAcc, double testBleu) {
    public static final String RUNNING = "running";
    public static final String COMPLETED = "completed";
    public static final String FAILED = "failed";

    /** A run that has just started (or restarted). */
    public static RunSummary started(String runId, String experiment, String variant, long seed, long parameters) {
        return new RunSummary(runId, experiment, variant, seed, RUNNING, "", parameters, 0, 0, 0, 0,
                Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }

    /** The same run marked failed. */
    public RunSummary failed(String why, long stepsDone) {
        return new RunSummary(runId, experiment, variant, seed, FAILED, why, parameters, stepsDone, seconds,
                secondsPerEpoch, tokensPerSecond, testLoss, testTokenAcc, testSeqAcc, testBleu);
    }
}
