package org.attnlab.sweeps.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** A parsed sweep file: what to vary, how to search, what to optimise and within which budget. */
public record SweepConfig(
        Path file,
        String name,
        Path baseFile,
        long seed,
        Objective objective,
        Search search,
        Budget budget,
        Pruning pruning,
        int threadsPerTrial,
        List<ParamSpec> parameters) {

    /** The registered trial objective to run, the metric it reports and whether lower or higher is better. */
    public record Objective(String function, String metric, Direction direction) {
    }

    /** The search method; {@code gridPoints} discretises continuous and wide integer ranges for grid search. */
    public record Search(SearchMethod method, int gridPoints, int populationSize) {
    }

    /** At most {@code maxTrials} trials in all (null: unbounded) and at most {@code maxTime} per run (null: unbounded). */
    public record Budget(java.lang.Integer maxTrials, Duration maxTime) {
    }

    /** Median stopping rule: off by default; applies from {@code warmupSteps} on, once {@code minTrials} have finished. */
    public record Pruning(boolean enabled, long warmupSteps, int minTrials) {
        public static final Pruning OFF = new Pruning(false, 0, 1);
    }
}
