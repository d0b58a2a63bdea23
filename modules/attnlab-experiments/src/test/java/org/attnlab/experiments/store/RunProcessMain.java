package org.attnlab.experiments.store;

import java.nio.file.Path;
import java.util.List;
import org.attnlab.experiments.config.ExperimentLoader;
import org.attnlab.experiments.kinds.ModelKinds;
import org.attnlab.experiments.run.PreflightException;
import org.attnlab.experiments.run.ExperimentRunner;
import org.attnlab.experiments.run.RunPlanner;
import org.attnlab.experiments.run.RunProgress;
import org.attnlab.experiments.run.RunSpec;

/**
 * A separate JVM for {@link TwoWritersTest}: runs an experiment file into a results folder and prints
 * {@code TRAIN <run-id>} each time it starts training a run, then {@code DONE <n>} with the number of completed runs
 * ({@code error: ...} and exit code 2 when a dataset is unusable).
 */
public final class RunProcessMain {
    private RunProcessMain() {
    }

    public static void main(String[] args) {
        Path file = Path.of(args[0]);
        Path results = Path.of(args[1]);
        List<RunSpec> runs = RunPlanner.plan(new ExperimentLoader(ModelKinds.load()).load(file), false);
        RunProgress progress = trainLines();
        try (ResultsStore store = ResultsStore.open(results.resolve("attnlab.db"))) {
            List<RunSummary> done = new ExperimentRunner(results, store, progress).runAll(runs);
            System.out.println("DONE " + done.stream().filter(r -> RunSummary.COMPLETED.equals(r.status())).count());
        } catch (PreflightException e) {
            System.out.println("error: " + e.getMessage());
            System.exit(2);
        }
        System.exit(0);
    }

    /** A progress that prints {@code TRAIN <run-id>} when a run starts training, and nothing else. */
    public static RunProgress trainLines() {
        return new RunProgress() {
            @Override
            public void started(RunSpec run, long totalSteps, long done) {
                System.out.println("TRAIN " + run.runId());
            }

            @Override
            public void stepped(long step) {
            }

            @Override
            public void validated(MetricRow row) {
            }

            @Override
            public void ended(RunSummary summary) {
            }
        };
    }
}
