package org.attnlab.sweeps.run;

import org.attnlab.sweeps.SweepFiles;
import org.attnlab.sweeps.TestObjectives;
import org.attnlab.sweeps.config.SweepConfig;
import org.attnlab.sweeps.config.SweepConfigParser;
import org.attnlab.sweeps.store.SweepStore;
import org.attnlab.sweeps.store.TrialRecord;
import org.attnlab.sweeps.store.TrialState;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SweepRunnerTest {

    @TempDir
    Path dir;
    private SweepFiles files;
    private final List<String> log = new ArrayList<>();

    @BeforeEach
    void setUp() {
        files = new SweepFiles(dir);
        TestObjectives.CALLS.clear();
    }

    private List<TrialRecord> run(Path sweepFile, Path db, boolean resume, int parallel) {
        SweepConfig config = new SweepConfigParser().parse(sweepFile);
        return new SweepRunner().run(config, new RunOptions(db.getParent(), db, resume, parallel, null, log::add));
    }

    private static Map<Integer, Object> paramsByIndex(List<TrialRecord> trials) {
        return trials.stream().collect(Collectors.toMap(TrialRecord::index, TrialRecord::params));
    }

    @Test
    void randomSweepIsReproducibleFromItsSeed() {
        Path sweep = files.sweep("rnd", "test-quadratic", "random", 6, "");
        List<TrialRecord> a = run(sweep, dir.resolve("a.db"), false, 2);
        List<TrialRecord> b = run(sweep, dir.resolve("b.db"), false, 1);
        assertEquals(6, a.size());
        assertTrue(a.stream().allMatch(t -> t.state() == TrialState.DONE), a.toString());
        assertEquals(paramsByIndex(a), paramsByIndex(b));
        assertEquals(a.stream().map(TrialRecord::score).toList(), b.stream().map(TrialRecord::score).toList());
        assertEquals(a.stream().map(TrialRecord::seed).toList(), b.stream().map(TrialRecord::seed).toList());
        assertEquals(TrialSeeds.of(7, 3), a.get(3).seed());
        assertTrue(log.stream().anyMatch(l -> l.startsWith("[6/6]") && l.contains("best")), log.toString());
    }

    @Test
    void gridSweepRunsEveryPointOnce() {
        Path sweep = files.write("grid.yaml", """
                base: base.yaml
                objective: {function: test-quadratic, metric: loss}
                search: {method: grid, grid_points: 3}
                parameters:
                  training.lr: {type: continuous, min: 1e-5, max: 1e-1, scale: log}
                  model.heads: {type: integer, min: 3, max: 5}
                """);
        List<TrialRecord> trials = run(sweep, files.db(), false, 2);
        assertEquals(9, trials.size());
        assertEquals(9, trials.stream().map(TrialRecord::params).distinct().count());
        TrialRecord best = trials.stream().min((x, y) -> Double.compare(x.score(), y.score())).orElseThrow();
        assertEquals(1e-3, ((Number) best.params().get("training.lr")).doubleValue(), 1e-12);
        assertEquals(4, best.params().get("model.heads"));
    }

    @Test
    void failingAndNaNTrialsAreRecordedWithTheirReasonAndTheSweepGoesOn() {
        Path sweep = files.write("flaky.yaml", """
                base: base.yaml
                objective: {function: test-flaky, metric: loss}
                search: {method: grid}
                parameters:
                  model.heads: {type: integer, min: 1, max: 4}
                """);
        Map<Object, TrialRecord> byHeads = run(sweep, files.db(), false, 2).stream()
                .collect(Collectors.toMap(t -> t.params().get("model.heads"), t -> t));
        assertEquals(4, byHeads.size());
        assertEquals(TrialState.FAILED, byHeads.get(2).state());
        assertTrue(byHeads.get(2).reason().contains("boom at heads=2"), byHeads.get(2).reason());
        assertEquals(TrialState.FAILED, byHeads.get(3).state());
        assertTrue(byHeads.get(3).reason().contains("NaN"), byHeads.get(3).reason());
        assertEquals(TrialState.DONE, byHeads.get(1).state());
        assertEquals(TrialState.DONE, byHeads.get(4).state());
    }

    @Test
    void medianRulePrunesLaggingTrials() {
        Path sweep = files.sweep("pruned", "test-quadratic", "random", 12,
                "pruning: {median: {enabled: true, warmup_steps: 1, min_trials: 2}}\n");
        List<TrialRecord> trials = run(sweep, files.db(), false, 1);
        assertEquals(12, trials.size());
        List<TrialRecord> pruned = trials.stream().filter(t -> t.state() == TrialState.PRUNED).toList();
        assertTrue(!pruned.isEmpty(), trials.toString());
        for (TrialRecord p : pruned) {
            assertTrue(p.reason().startsWith("median stopping at step"), p.reason());
            assertTrue(p.curve().size() < 5, "stopped early: " + p.curve());
        }
    }

    @Test
    void resumeKeepsFinishedTrialsRerunsInterruptedOnesAndRespectsTheBudget() throws Exception {
        Path sweep = files.sweep("crash", "test-quadratic", "random", 4, "");
        List<TrialRecord> first = run(sweep, files.db(), false, 2);
        simulateCrash(files.db(), "crash", 2);
        TestObjectives.CALLS.clear();

        List<TrialRecord> resumed = run(sweep, files.db(), true, 2);
        assertEquals(4, resumed.size());
        assertTrue(resumed.stream().allMatch(t -> t.state() == TrialState.DONE));
        assertEquals(2, TestObjectives.CALLS.size(), "only the interrupted and the queued trial run again");
        assertEquals(Set.of(first.get(2).seed(), first.get(3).seed()), Set.copyOf(TestObjectives.CALLS));
        assertEquals(paramsByIndex(first), paramsByIndex(resumed), "re-run trials keep their parameters");
        assertEquals(first.get(0).score(), resumed.get(0).score());

        TestObjectives.CALLS.clear();
        assertEquals(4, run(sweep, files.db(), true, 2).size(), "budget spent: nothing more runs");
        assertTrue(TestObjectives.CALLS.isEmpty());

        Path bigger = files.sweep("crash", "test-quadratic", "random", 6, "");
        List<TrialRecord> extended = run(bigger, files.db(), true, 2);
        assertEquals(6, extended.size());
        assertEquals(2, TestObjectives.CALLS.size());
        List<TrialRecord> fresh = run(files.sweep("fresh", "test-quadratic", "random", 6, ""), dir.resolve("f.db"), false, 1);
        assertEquals(paramsByIndex(fresh), paramsByIndex(extended), "a resumed random sweep continues the same sequence");
    }

    /** Leaves trial {@code running} in state running and trial 3 queued, as a kill -9 would. */
    private static void simulateCrash(Path db, String sweep, int running) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE sweep_trial SET state = 'running', score = NULL, metrics = NULL, curve = NULL,"
                    + " finished_at = NULL WHERE sweep = '" + sweep + "' AND trial = " + running);
            s.executeUpdate("UPDATE sweep_trial SET state = 'queued', score = NULL, metrics = NULL, curve = NULL,"
                    + " started_at = NULL, finished_at = NULL WHERE sweep = '" + sweep + "' AND trial = 3");
        }
    }

    @Test
    void timeBudgetEndsTheSweepWithEveryStartedTrialFinished() {
        Path sweep = files.write("timed.yaml", """
                base: base.yaml
                objective: {function: test-quadratic, metric: loss}
                budget: {max_time: 3s}   # Arbiter's runner first polls 1 s before starting trials
                parameters:
                  model.heads: {type: integer, min: 1, max: 8}
                """);
        long start = System.nanoTime();
        List<TrialRecord> trials = run(sweep, files.db(), false, 2);
        assertTrue((System.nanoTime() - start) / 1e9 < 10, "stopped by the time budget");
        assertTrue(!trials.isEmpty());
        assertTrue(trials.stream().allMatch(t -> t.state().finished()), trials.toString());
    }

    @Test
    void parallelTrialsRunAtOnceAndAreAllRecorded() {
        TestObjectives.Concurrent.MOST_AT_ONCE.set(0);
        List<TrialRecord> trials = run(files.sweep("together", "test-concurrent", "random", 4, ""), files.db(), false, 2);
        assertEquals(4, trials.size());
        assertTrue(trials.stream().allMatch(t -> t.state() == TrialState.DONE && t.score() != null), trials.toString());
        assertEquals(2, TestObjectives.Concurrent.MOST_AT_ONCE.get(), "two trials at once");

        TestObjectives.Concurrent.MOST_AT_ONCE.set(0);
        assertEquals(2, run(files.sweep("alone", "test-concurrent", "random", 2, ""), files.db(), false, 1).size());
        assertEquals(1, TestObjectives.Concurrent.MOST_AT_ONCE.get(), "one trial at a time");
    }

    @Test
    void anExistingSweepNeedsResume() {
        Path sweep = files.sweep("twice", "test-quadratic", "random", 2, "");
        run(sweep, files.db(), false, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> run(sweep, files.db(), false, 1));
        assertTrue(e.getMessage().contains("--resume"), e.getMessage());
    }

    /** A sweep file edited after its sweep was stored (another range) cannot resume it: the stored trials mean other things. */
    @Test
    void aStoredSweepResumesOnlyFromTheSameSpace() throws java.io.IOException {
        Path sweep = files.sweep("edited", "test-quadratic", "random", 2, "");
        List<TrialRecord> first = run(sweep, files.db(), false, 1);
        String original = java.nio.file.Files.readString(sweep);
        files.write("edited.yaml", original.replace("max: 8", "max: 16"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> run(sweep, files.db(), true, 1));
        assertTrue(e.getMessage().contains("edited.yaml: sweep 'edited'") && e.getMessage().contains("restore"),
                e.getMessage());

        files.write("edited.yaml", original.replace("max_trials: 2", "max_trials: 3"));
        assertEquals(3, run(sweep, files.db(), true, 1).size(), "a larger budget resumes");
        assertEquals(paramsByIndex(first).get(0), paramsByIndex(run(sweep, files.db(), true, 1)).get(0));
    }

    @Test
    void geneticSearchRunsOnArbiterBeta7() {
        Path sweep = files.sweep("ga", "test-quadratic", "genetic", 16, "");
        List<TrialRecord> trials = run(sweep, files.db(), false, 2);
        assertEquals(16, trials.size());
        assertTrue(trials.stream().filter(t -> t.state() == TrialState.DONE).count() >= 12, trials.toString());
        try (SweepStore store = SweepStore.open(files.db())) {
            assertNotNull(store.sweep("ga").orElseThrow());
        }
    }
}
