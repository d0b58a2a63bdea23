package org.attnlab.experiments.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.attnlab.experiments.TinyExperiment;
import org.attnlab.experiments.config.ExperimentLoader;
import org.attnlab.experiments.kinds.ModelKinds;
import org.attnlab.experiments.store.MetricRow;
import org.attnlab.experiments.store.ResultsStore;
import org.attnlab.experiments.store.RunDirectory;
import org.attnlab.experiments.store.RunSummary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checkpoint and resume, NaN handling, and recovery from files left half-written. */
class TrainerTest {
    @TempDir
    Path dir;

    @Test
    void interruptedRunResumesFromItsCheckpointAndEndsAsIfNeverInterrupted() throws IOException {
        RunSpec spec = plan("  dot: {model: {score: dot}}\n").get(0);
        try (ResultsStore store = ResultsStore.open(dir.resolve("a.db"))) {
            RunDirectory interrupted = new RunDirectory(dir.resolve("interrupted"));
            Recorder crashing = new Recorder(true);
            assertThrows(Crash.class, () -> new Trainer(store, crashing).run(spec, interrupted));
            assertTrue(Files.exists(interrupted.path().resolve("state.json")));
            assertTrue(Files.exists(interrupted.path().resolve("checkpoint-3.sd")));
            assertEquals(RunSummary.RUNNING, store.run(spec.runId()).status());

            Recorder resumed = new Recorder(false);
            RunSummary after = new Trainer(store, resumed).run(spec, interrupted);
            assertEquals(List.of(3L), resumed.startedAt);
            assertEquals(RunSummary.COMPLETED, after.status());
            assertEquals(6, after.steps());
            assertEquals(List.of(3L, 6L), store.metrics(spec.runId()).stream().map(MetricRow::step).toList());
            assertFalse(Files.exists(interrupted.path().resolve("state.json")));
            assertFalse(Files.exists(interrupted.path().resolve("checkpoint-3.sd")));

            RunSummary straight = new Trainer(store, new Recorder(false)).run(spec, new RunDirectory(dir.resolve("straight")));
            assertEquals(straight.testLoss(), after.testLoss(), 1e-5, "resume restores weights, updater state and data position");
        }
    }

    /**
     * With dropout the resumed run continues the mask stream from the position saved in state.json, so it ends with
     * the test loss of the uninterrupted run; dropout changes that loss (the masks act), yet evaluation is
     * deterministic (the same test loss twice).
     */
    @Test
    void resumedRunWithDropoutContinuesTheMaskStream() throws IOException {
        List<RunSpec> specs = plan("  dropout: {model: {score: dot, dropout: 0.3, attention_dropout: 0.2}}\n"
                + "  plain: {model: {score: dot}}\n");
        RunSpec spec = specs.get(0);
        try (ResultsStore store = ResultsStore.open(dir.resolve("a.db"))) {
            RunDirectory interrupted = new RunDirectory(dir.resolve("interrupted"));
            assertThrows(Crash.class, () -> new Trainer(store, new Recorder(true)).run(spec, interrupted));
            assertEquals(3, interrupted.readJson("state.json", TrainingState.class).dropoutDraws());
            RunSummary after = new Trainer(store, new Recorder(false)).run(spec, interrupted);

            RunSummary straight = new Trainer(store, new Recorder(false)).run(spec, new RunDirectory(dir.resolve("s")));
            RunSummary again = new Trainer(store, new Recorder(false)).run(spec, new RunDirectory(dir.resolve("t")));
            RunSpec plain = specs.stream().filter(r -> r.variant().name().equals("plain") && r.seed() == spec.seed())
                    .findFirst().orElseThrow();
            RunSummary noDropout = new Trainer(store, new Recorder(false)).run(plain, new RunDirectory(dir.resolve("p")));
            System.out.printf("test loss with dropout: straight %.8f, resumed %.8f, again %.8f; without %.8f%n",
                    straight.testLoss(), after.testLoss(), again.testLoss(), noDropout.testLoss());
            assertEquals(straight.testLoss(), again.testLoss(), 0.0, "same seed, same masks, same result");
            assertEquals(straight.testLoss(), after.testLoss(), 1e-6, "resume continues the mask stream");
            assertTrue(Math.abs(straight.testLoss() - noDropout.testLoss()) > 1e-4, "dropout changes training");
        }
    }

    /**
     * SameDiff cannot read back a graph with lstmLayer ops, so an interrupted seq2seq run trains again from step 0
     * (its old checkpoint deleted) and ends as an uninterrupted run does.
     */
    @Test
    void interruptedLstmRunTrainsAgainFromTheStartAndEndsAsIfNeverInterrupted() throws IOException {
        Path file = TinyExperiment.writeReordering(dir, 6, 3, "  dot: {model: {score: dot}}\n");
        RunSpec spec = RunPlanner.plan(new ExperimentLoader(ModelKinds.load()).load(file), false).get(0);
        try (ResultsStore store = ResultsStore.open(dir.resolve("a.db"))) {
            RunDirectory interrupted = new RunDirectory(dir.resolve("interrupted"));
            assertThrows(Crash.class, () -> new Trainer(store, new Recorder(true)).run(spec, interrupted));
            assertTrue(Files.exists(interrupted.path().resolve("checkpoint-3.sd")));

            Recorder again = new Recorder(false);
            RunSummary after = new Trainer(store, again).run(spec, interrupted);
            assertEquals(List.of(0L), again.startedAt, "trained again from step 0");
            assertEquals(RunSummary.COMPLETED, after.status());
            assertEquals(List.of(3L, 6L), store.metrics(spec.runId()).stream().map(MetricRow::step).toList());
            assertFalse(Files.exists(interrupted.path().resolve("checkpoint-3.sd")));

            RunSummary straight = new Trainer(store, new Recorder(false)).run(spec, new RunDirectory(dir.resolve("s")));
            assertEquals(straight.testLoss(), after.testLoss(), 1e-6);
        }
    }

    /** A checkpoint or state file that cannot be read (a disk fault, an edit) is discarded: the run trains again. */
    @Test
    void unreadableCheckpointOrStateIsDiscardedAndTheRunTrainsAgainFromTheStart() throws IOException {
        RunSpec spec = plan("  dot: {model: {score: dot}}\n").get(0);
        try (ResultsStore store = ResultsStore.open(dir.resolve("a.db"))) {
            for (String damaged : List.of("checkpoint-3.sd", "state.json")) {
                RunDirectory run = new RunDirectory(dir.resolve(damaged));
                assertThrows(Crash.class, () -> new Trainer(store, new Recorder(true)).run(spec, run));
                Path file = run.path().resolve(damaged);
                Files.write(file, Arrays.copyOf(Files.readAllBytes(file), 20));

                Recorder again = new Recorder(false);
                RunSummary after = new Trainer(store, again).run(spec, run);
                assertEquals(List.of(0L), again.startedAt, damaged + ": trained again from step 0");
                assertEquals(RunSummary.COMPLETED, after.status());
                assertEquals(List.of(3L, 6L), store.metrics(spec.runId()).stream().map(MetricRow::step).toList());
                try (var files = Files.list(run.path())) {
                    assertTrue(files.noneMatch(p -> p.getFileName().toString().startsWith("checkpoint-")));
                }
            }
        }
    }

    /**
     * A process whose memory has grown past its share of the machine (LSTM runs leak native memory) starts no new
     * run: each is recorded as failed with the reason, nothing trains, and the next process trains them.
     */
    @Test
    void aProcessOverItsMemoryShareStartsNoRunAndTheNextOneTrainsThem() throws IOException {
        List<RunSpec> runs = plan("  dot: {model: {score: dot}}\n");
        try (ResultsStore store = ResultsStore.open(dir.resolve("a.db"))) {
            Recorder full = new Recorder(false);
            List<RunSummary> refused = new ExperimentRunner(dir, store, full,
                    new ProcessMemory(() -> 13L << 30, 20.0 * (1L << 30))).runAll(runs);
            assertTrue(full.startedAt.isEmpty(), "nothing trained");
            for (RunSummary s : refused) {
                assertEquals(RunSummary.FAILED, s.status());
                assertEquals("not started: this process holds 13.0 GiB of the machine's 20.0 GiB (LSTM runs leak "
                        + "native memory in libnd4j); run the same command again to continue in a fresh process",
                        store.run(s.runId()).reason());
            }
            Recorder fresh = new Recorder(false);
            List<RunSummary> after = new ExperimentRunner(dir, store, fresh,
                    new ProcessMemory(() -> 1L << 30, 20.0 * (1L << 30))).runAll(runs);
            assertEquals(runs.size(), fresh.startedAt.size());
            after.forEach(s -> assertEquals(RunSummary.COMPLETED, s.status()));
        }
        assertTrue(ProcessMemory.residentBytes() > 0, "this JVM's resident memory is read from /proc");
    }

    @Test
    void nanLossFailsThatRunOnlyAndOthersGoOn() throws IOException {
        List<RunSpec> runs = plan("  broken: {model: {kind: nan_tagger}}\n  dot: {model: {score: dot}}\n");
        try (ResultsStore store = ResultsStore.open(dir.resolve("a.db"))) {
            List<RunSummary> out = new ExperimentRunner(dir, store, new Recorder(false)).runAll(runs);
            assertEquals(List.of("failed", "failed", "completed", "completed"), out.stream().map(RunSummary::status).toList());
            assertEquals("loss became NaN at step 3", out.get(0).reason());
            assertEquals("failed", store.run(runs.get(0).runId()).status());
        }
    }

    @Test
    void filesLeftHalfWrittenByAKilledProcessAreRemovedAndTheRunCompletes() throws IOException {
        RunSpec spec = plan("  dot: {model: {score: dot}}\n").get(0);
        RunDirectory run = new RunDirectory(dir.resolve("run"));
        Files.createDirectories(run.path());
        Files.writeString(run.path().resolve("state.json.tmp"), "{\"step\": 3, \"sec");
        Files.writeString(run.path().resolve("checkpoint-3.sd.tmp"), "garbage");
        try (ResultsStore store = ResultsStore.open(dir.resolve("a.db"))) {
            Recorder r = new Recorder(false);
            assertEquals(RunSummary.COMPLETED, new Trainer(store, r).run(spec, run).status());
            assertEquals(List.of(0L), r.startedAt, "a temp file is not a checkpoint: start from scratch");
        }
        try (var files = Files.list(run.path())) {
            assertTrue(files.noneMatch(p -> p.toString().endsWith(".tmp")));
        }
    }

    private List<RunSpec> plan(String variants) throws IOException {
        Path file = TinyExperiment.write(dir, variants);
        return RunPlanner.plan(new ExperimentLoader(ModelKinds.load()).load(file), false);
    }

    /** Thrown by a {@link Recorder} to simulate a process killed right after a checkpoint. */
    static final class Crash extends RuntimeException {
    }

    /** Records progress; optionally crashes after the first validation. */
    static class Recorder implements RunProgress {
        final List<Long> startedAt = new ArrayList<>();
        private final boolean crash;

        Recorder(boolean crash) {
            this.crash = crash;
        }

        @Override
        public void started(RunSpec run, long total, long done) {
            startedAt.add(done);
        }

        @Override
        public void stepped(long step) {
        }

        @Override
        public void validated(MetricRow row) {
            if (crash) {
                throw new Crash();
            }
        }

        @Override
        public void ended(RunSummary summary) {
        }
    }
}
