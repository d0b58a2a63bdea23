package org.attnlab.experiments.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.attnlab.experiments.config.ExperimentLoader;
import org.attnlab.experiments.kinds.ModelKinds;
import org.attnlab.experiments.store.MetricRow;
import org.attnlab.experiments.store.ResultsStore;
import org.attnlab.experiments.store.RunClaimsTest;
import org.attnlab.experiments.store.RunDirectory;
import org.attnlab.experiments.store.RunSummary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * The seeds of a variant trained as one ensemble end as the runs trained one by one (metrics, test loss, steps, early
 * stopping), resume after a crash, and respect another process's claim on a member.
 */
class EnsembleTrainerTest {
    /** Float32 training: largest difference allowed between a member's figures and its single run's. */
    private static final double TOLERANCE = 1e-6;

    @TempDir
    Path dir;

    private List<RunSpec> plan(String training, String model) throws IOException {
        Path file = dir.resolve("ens.yaml");
        Files.writeString(file, """
                name: ens
                dataset: {task: reverse, seq_len: 4, vocab: 6, train_examples: 64, val_examples: 32, test_examples: 32}
                model: {kind: tagger, d_model: 8, heads: 2, score: dot, dropout: 0.2, attention_dropout: 0.1}
                training: {batch_size: 16, warmup_steps: 2, %s}
                seeds: [1, 2, 3]
                variants:
                  v: {model: %s}
                """.formatted(training, model));
        return RunPlanner.plan(new ExperimentLoader(ModelKinds.load()).load(file), false);
    }

    private List<RunSummary> runAll(String name, List<RunSpec> runs, TrainerTest.Recorder progress) {
        try (ResultsStore store = ResultsStore.open(dir.resolve(name + ".db"))) {
            return new ExperimentRunner(dir.resolve(name), store, progress).runAll(runs);
        }
    }

    @Test
    void taggerMembersEndAsTheirSingleRuns() throws IOException {
        assertMembersEqualSingleRuns("learning_rate: 0.01, steps: 6, eval_every: 3", "{score: dot}");
    }

    @Test
    void transformerMembersEndAsTheirSingleRuns() throws IOException {
        assertMembersEqualSingleRuns("learning_rate: 0.01, steps: 6, eval_every: 3",
                "{kind: transformer, layers: 1, d_model: 8, heads: 2, d_ff: 16, dropout: 0.1, embedding_dropout: 0.1}");
    }

    /**
     * With patience 1 and a validation every step some members stop early at different steps; each stops where its
     * single run stops, with its figures, while the others go on.
     */
    @Test
    void earlyStoppingFreezesAMemberAtItsSingleRunsStep() throws IOException {
        List<RunSummary> singles = assertMembersEqualSingleRuns(
                "learning_rate: 0.3, steps: 12, eval_every: 1, patience: 1", "{score: dot}");
        System.out.println("steps per member: " + singles.stream().map(RunSummary::steps).toList());
        assertTrue(singles.stream().anyMatch(s -> s.steps() < 12), "some member stops early");
        assertTrue(singles.stream().map(RunSummary::steps).distinct().count() > 1, "members stop at different steps");
    }

    /** While an ensemble trains, the console names each member run on its validation and end lines. */
    @Test
    void consoleLinesNameTheMemberRuns() throws IOException {
        List<RunSpec> runs = plan("learning_rate: 0.01, steps: 2, eval_every: 1", "{score: dot}");
        StringWriter text = new StringWriter();
        try (ResultsStore store = ResultsStore.open(dir.resolve("console.db"))) {
            new ExperimentRunner(dir.resolve("console"), store, new ConsoleProgress(new PrintWriter(text), false))
                    .runAll(runs);
        }
        String out = text.toString();
        assertTrue(out.contains("3 runs trained together as one ensemble: 2 steps"), out);
        for (RunSpec r : runs) {
            assertTrue(out.contains("  member: " + r.runId() + "\n"), out);
            assertTrue(out.contains("  " + r.runId() + "  step 1  "), out);
            assertTrue(out.contains("  " + r.runId() + "  step 2  "), out);
            assertTrue(out.contains("  " + r.runId() + " completed: "), out);
        }
    }

    private List<RunSummary> assertMembersEqualSingleRuns(String training, String model) throws IOException {
        List<RunSpec> together = plan(training, model);
        List<RunSpec> alone = plan(training + ", ensemble: 1", model);
        assertEquals(together.stream().map(RunSpec::runId).toList(), alone.stream().map(RunSpec::runId).toList(),
                "training.ensemble is not part of a run's identity");
        assertEquals(List.of(together), EnsembleGroups.of(together));
        assertEquals(3, EnsembleGroups.of(alone).size());

        TrainerTest.Recorder ensembleProgress = new TrainerTest.Recorder(false);
        List<RunSummary> ensemble = runAll("together", together, ensembleProgress);
        List<RunSummary> singles = runAll("alone", alone, new TrainerTest.Recorder(false));
        assertEquals(List.of(0L, 0L, 0L), ensembleProgress.startedAt, "the three members started together");
        double largest = 0;
        for (int i = 0; i < 3; i++) {
            RunSummary e = ensemble.get(i);
            RunSummary s = singles.get(i);
            assertEquals(RunSummary.COMPLETED, e.status(), e.reason());
            assertEquals(s.runId(), e.runId());
            assertEquals(s.steps(), e.steps());
            assertEquals(s.parameters(), e.parameters());
            assertEquals(s.testLoss(), e.testLoss(), TOLERANCE);
            assertEquals(s.testTokenAcc(), e.testTokenAcc(), TOLERANCE);
            largest = Math.max(largest, Math.abs(s.testLoss() - e.testLoss()));
            List<MetricRow> rowsE = metrics("together", e.runId());
            List<MetricRow> rowsS = metrics("alone", s.runId());
            assertEquals(rowsS.size(), rowsE.size());
            for (int r = 0; r < rowsS.size(); r++) {
                assertEquals(rowsS.get(r).trainLoss(), rowsE.get(r).trainLoss(), TOLERANCE);
                assertEquals(rowsS.get(r).valLoss(), rowsE.get(r).valLoss(), TOLERANCE);
                largest = Math.max(largest, Math.abs(rowsS.get(r).valLoss() - rowsE.get(r).valLoss()));
            }
            Path member = dir.resolve("together").resolve("ens").resolve(e.runId());
            SameDiff finalModel = SameDiff.load(member.resolve(Trainer.FINAL_MODEL).toFile(), true);
            SameDiff single = SameDiff.load(dir.resolve("alone").resolve("ens").resolve(s.runId())
                    .resolve(Trainer.FINAL_MODEL).toFile(), true);
            assertEquals(paramShapes(single), paramShapes(finalModel), "a member's final model is a single-run graph");
        }
        try (var files = Files.list(dir.resolve("together").resolve("ens"))) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().startsWith("ensemble-")),
                    "the ensemble's own folder is removed at the end");
        }
        System.out.printf("ensemble vs single runs: largest difference in test and validation loss %.3e%n", largest);
        return singles;
    }

    /** A crash right after the first checkpoint; the resumed ensemble ends as the uninterrupted one. */
    @Test
    void interruptedEnsembleResumesAndEndsAsIfNeverInterrupted() throws IOException {
        List<RunSpec> specs = plan("learning_rate: 0.01, steps: 6, eval_every: 3", "{score: dot}");
        try (ResultsStore store = ResultsStore.open(dir.resolve("a.db"))) {
            List<RunDirectory> dirs = specs.stream().map(s -> new RunDirectory(dir.resolve("i").resolve(s.runId())))
                    .toList();
            RunDirectory home = new RunDirectory(dir.resolve("i").resolve("home"));
            crashAfterFirstCheckpoint(store, specs, dirs, home);
            assertTrue(Files.exists(home.path().resolve("state.json")));
            assertTrue(Files.exists(home.path().resolve("checkpoint-3.sd")));
            assertEquals(RunSummary.RUNNING, store.run(specs.get(0).runId()).status());

            TrainerTest.Recorder resumed = new TrainerTest.Recorder(false);
            List<RunSummary> after = new EnsembleTrainer(store, resumed).run(specs, dirs, home);
            assertEquals(List.of(3L, 3L, 3L), resumed.startedAt);
            assertFalse(Files.exists(home.path()));

            List<RunDirectory> straightDirs = specs.stream()
                    .map(s -> new RunDirectory(dir.resolve("s").resolve(s.runId()))).toList();
            List<RunSummary> straight = new EnsembleTrainer(store, new TrainerTest.Recorder(false)).run(specs,
                    straightDirs, new RunDirectory(dir.resolve("s").resolve("home")));
            for (int i = 0; i < specs.size(); i++) {
                assertEquals(RunSummary.COMPLETED, after.get(i).status());
                assertEquals(6, after.get(i).steps());
                assertEquals(straight.get(i).testLoss(), after.get(i).testLoss(), TOLERANCE,
                        "resume restores every member's weights, updater state, data position and mask stream");
            }
        }
    }

    /** A checkpoint cut short (a disk fault): the ensemble names it, trains again from step 0 and completes. */
    @Test
    void unreadableEnsembleCheckpointIsDiscardedAndTheEnsembleTrainsAgain() throws IOException {
        List<RunSpec> specs = plan("learning_rate: 0.01, steps: 6, eval_every: 3", "{score: dot}");
        try (ResultsStore store = ResultsStore.open(dir.resolve("a.db"))) {
            List<RunDirectory> dirs = specs.stream().map(s -> new RunDirectory(dir.resolve("i").resolve(s.runId())))
                    .toList();
            RunDirectory home = new RunDirectory(dir.resolve("i").resolve("home"));
            crashAfterFirstCheckpoint(store, specs, dirs, home);
            Path checkpoint = home.path().resolve("checkpoint-3.sd");
            Files.write(checkpoint, java.util.Arrays.copyOf(Files.readAllBytes(checkpoint), 1000));

            TrainerTest.Recorder again = new TrainerTest.Recorder(false);
            List<RunSummary> after = new EnsembleTrainer(store, again).run(specs, dirs, home);
            assertEquals(List.of(0L, 0L, 0L), again.startedAt, "trained again from step 0");
            after.forEach(s -> assertEquals(RunSummary.COMPLETED, s.status()));
            assertFalse(Files.exists(home.path()));
        }
    }

    /**
     * A killed ensemble whose runs are later completed another way (one alone, two in a smaller ensemble) leaves no
     * folder behind.
     */
    @Test
    void folderOfAKilledEnsembleGoesOnceItsRunsCompleteElsewhere() throws IOException {
        List<RunSpec> specs = plan("learning_rate: 0.01, steps: 6, eval_every: 3", "{score: dot}");
        try (ResultsStore store = ResultsStore.open(dir.resolve("k.db"))) {
            ExperimentRunner runner = new ExperimentRunner(dir.resolve("k"), store, new TrainerTest.Recorder(false));
            Path killed = runner.ensembleHome(specs);
            crashAfterFirstCheckpoint(store, specs,
                    specs.stream().map(s -> new RunDirectory(runner.directory(s))).toList(), new RunDirectory(killed));
            assertTrue(Files.exists(killed.resolve("state.json")));

            runner.runAll(specs.subList(0, 1));
            assertTrue(Files.exists(killed), "two of its runs have not completed yet");
            runner.runAll(specs.subList(1, 3)).forEach(s -> assertEquals(RunSummary.COMPLETED, s.status()));
            assertFalse(Files.exists(killed));
            try (var files = Files.list(killed.getParent())) {
                assertTrue(files.noneMatch(p -> p.getFileName().toString().startsWith("ensemble-")));
            }
        }
    }

    /** A member another live process trains is left to it; the others train as an ensemble meanwhile. */
    @Test
    void aMemberClaimedByAnotherProcessIsNotTrainedTwice() throws Exception {
        List<RunSpec> specs = plan("learning_rate: 0.01, steps: 6, eval_every: 3", "{score: dot}");
        Path db = dir.resolve("c.db");
        Process other = new ProcessBuilder("sleep", "120").start();
        try (ResultsStore store = ResultsStore.open(db)) {
            RunClaimsTest.claimAs(db, specs.get(0).runId(), InetAddress.getLocalHost().getHostName(),
                    other.toHandle(), Instant.now());
            List<String> ended = new ArrayList<>();
            TrainerTest.Recorder progress = new TrainerTest.Recorder(false) {
                @Override
                public void ended(RunSummary summary) {
                    ended.add(summary.runId());
                    if (ended.size() == 2) {
                        other.destroyForcibly();        // the other process dies (kill -9) without finishing
                    }
                }
            };
            List<RunSummary> out = new ExperimentRunner(dir.resolve("c"), store, progress).runAll(specs);
            assertEquals(List.of(specs.get(1).runId(), specs.get(2).runId(), specs.get(0).runId()), ended,
                    "seeds 2 and 3 trained together first; seed 1 only once its claim went stale");
            assertEquals(List.of(0L, 0L, 0L), progress.startedAt);
            out.forEach(s -> assertEquals(RunSummary.COMPLETED, s.status()));
        } finally {
            other.destroyForcibly();
        }
    }

    /** Trains {@code specs} as an ensemble that is killed right after its first checkpoint. */
    private static void crashAfterFirstCheckpoint(ResultsStore store, List<RunSpec> specs, List<RunDirectory> dirs,
                                                  RunDirectory home) {
        assertThrows(TrainerTest.Crash.class,
                () -> new EnsembleTrainer(store, new TrainerTest.Recorder(true)).run(specs, dirs, home));
    }

    private List<MetricRow> metrics(String name, String runId) {
        try (ResultsStore store = ResultsStore.open(dir.resolve(name + ".db"))) {
            return store.metrics(runId);
        }
    }

    private static java.util.Map<String, String> paramShapes(SameDiff sd) {
        java.util.Map<String, String> out = new java.util.TreeMap<>();
        sd.variables().stream().filter(v -> v.getVariableType() == org.nd4j.autodiff.samediff.VariableType.VARIABLE)
                .forEach(v -> out.put(v.name(), java.util.Arrays.toString(v.getArr().shape())));
        return out;
    }
}
