package org.attnlab.sweeps.objective;

import org.attnlab.experiments.config.ExperimentConfig;
import org.attnlab.experiments.config.ExperimentLoader;
import org.attnlab.experiments.config.VariantConfig;
import org.attnlab.experiments.kinds.ModelKinds;
import org.attnlab.experiments.run.RunPlanner;
import org.attnlab.experiments.store.ResultsStore;
import org.attnlab.experiments.store.RunSummary;
import org.attnlab.sweeps.SweepFiles;
import org.attnlab.sweeps.config.SweepConfigParser;
import org.attnlab.sweeps.report.SweepReport;
import org.attnlab.sweeps.run.RunOptions;
import org.attnlab.sweeps.run.SweepRunner;
import org.attnlab.sweeps.store.TrialRecord;
import org.attnlab.sweeps.store.TrialState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The {@code experiment} objective on a tiny real experiment (a few SameDiff steps per trial). */
class ExperimentObjectiveTest {

    /** Tiny reversal task; its variants and seeds must be ignored by trials. */
    private static final String TINY = """
            name: tiny
            dataset: {task: reverse, seq_len: 4, vocab: 6, train_examples: 64, val_examples: 32, test_examples: 32}
            model: {kind: tagger, d_model: 8, heads: 1, score: dot, additive_hidden: 4}
            training: {optimizer: adam, learning_rate: 0.01, batch_size: 16, steps: %d, eval_every: 2}
            seeds: [1, 2]
            variants:
              general: {model: {score: general}}
              additive: {model: {score: additive}}
            """;

    @TempDir
    Path dir;

    private BaseExperiment base(int steps) {
        return BaseExperiment.load(new SweepFiles(dir).write("tiny.yaml", TINY.formatted(steps)));
    }

    private Path sweepFile;

    private TrialContext context() {
        return TrialContext.of("tiny-sweep", "val_loss", dir.resolve("results"), dir.resolve("results/attnlab.db"));
    }

    private List<TrialRecord> sweep(String parameters, int trials) {
        Path file = new SweepFiles(dir).write("sweep.yaml", """
                name: tiny-sweep
                base: tiny.yaml
                seed: 3
                objective: {function: experiment, metric: test_token_acc, direction: max}
                budget: {max_trials: %d}
                parameters:
                %s""".formatted(trials, parameters));
        base(4);
        sweepFile = file;
        List<String> log = new ArrayList<>();
        return new SweepRunner().run(new SweepConfigParser().parse(file),
                RunOptions.in(dir.resolve("results"), false, 1, null, log::add));
    }

    @Test
    void tinySweepRecordsDoneTrialsWithTheirMetricsAndCurves() throws Exception {
        List<TrialRecord> trials = sweep("""
                  training.learning_rate: {type: continuous, min: 1.0e-3, max: 1.0e-1, scale: log}
                  model.score: {type: categorical, values: [dot, additive]}
                """, 2);
        assertEquals(2, trials.size());
        for (TrialRecord t : trials) {
            assertEquals(TrialState.DONE, t.state(), t.toString());
            assertEquals(new ExperimentObjective().metrics(), t.metrics().keySet(), "the metrics the objective lists");
            assertEquals(4.0, t.metrics().get("steps"));
            assertEquals(t.metrics().get("test_token_acc"), t.score());
            // test_token_acc is reported per validation as val_token_acc: steps 2 and 4
            assertEquals(List.of(2L, 4L), List.copyOf(t.curve().keySet()));
            assertEquals(t.metrics().get("val_token_acc"), t.curve().get(4L));
        }
        // best-config.yaml is what the best trial ran, without variants, runnable with `attnlab run`
        SweepReport.write(new SweepConfigParser().parse(sweepFile), trials, dir.resolve("report"), 5);
        ExperimentConfig best = new ExperimentLoader(ModelKinds.load())
                .load(dir.resolve("report").resolve(SweepReport.BEST_CONFIG));
        TrialRecord top = trials.stream().max(Comparator.comparing(TrialRecord::score)).orElseThrow();
        assertEquals("tiny-sweep-best", best.name());
        assertEquals(List.of(1L, 2L), best.seeds());
        assertEquals(List.of("base"), best.variants().stream().map(VariantConfig::name).toList());
        assertEquals(((Number) top.params().get("training.learning_rate")).doubleValue(),
                best.variants().get(0).training().learningRate());
        assertEquals(top.params().get("model.score"), best.variants().get(0).resolved().at("/model/score").asText());
    }

    @Test
    void eachTrialIsARunOfTheSweepThatItsExperimentFileRunsAgain() {
        List<TrialRecord> trials = sweep("""
                  model.score: {type: categorical, values: [dot, additive]}
                """, 2);
        List<RunSummary> runs;
        try (ResultsStore store = ResultsStore.open(dir.resolve("results/attnlab.db"))) {
            runs = store.runs("tiny-sweep");
        }
        assertEquals(List.of("trial-0", "trial-1"), runs.stream().map(RunSummary::variant).toList());
        for (RunSummary run : runs) {
            assertEquals(RunSummary.COMPLETED, run.status(), run.toString());
            TrialRecord trial = trials.get(Integer.parseInt(run.variant().substring("trial-".length())));
            assertEquals(trial.seed(), run.seed());
            assertEquals(trial.metrics().get("test_token_acc"), run.testTokenAcc());
            // the run's experiment file plans exactly this run again
            Path runnable = dir.resolve("results/tiny-sweep").resolve(run.runId()).resolve(ExperimentObjective.RUNNABLE);
            ExperimentConfig again = new ExperimentLoader(ModelKinds.load()).load(runnable);
            assertEquals(run.runId(), RunPlanner.plan(again, false).get(0).runId());
            assertEquals(trial.params().get("model.score"),
                    again.variants().get(0).resolved().at("/model/score").asText());
        }
    }

    @Test
    void aBadParameterKeyFailsItsTrialWithAReasonNamingTheKey() {
        List<TrialRecord> trials = sweep("""
                  model.headz: {type: categorical, values: [1, 2]}
                """, 1);
        assertEquals(TrialState.FAILED, trials.get(0).state());
        String reason = trials.get(0).reason();
        assertTrue(reason.contains("parameter model.headz=") && reason.contains("tiny.yaml: model.headz: unknown key"),
                reason);
    }

    @Test
    void aBadParameterValueNamesTheParameterAndTheRule() {
        TrialObjective objective = new ExperimentObjective().create(base(4), context());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> objective.run(0, Map.of("model.heads", 3), 1, IntermediateReporter.NONE));
        assertEquals("parameter model.heads=3: " + dir.resolve("tiny.yaml")
                + ": model.heads: must divide d_model=8, was 3", e.getMessage());
    }

    @Test
    void aNanLossFailsTheTrialWithTheRunsReason() {
        TrialObjective objective = new ExperimentObjective().create(base(40), context());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> objective.run(0,
                Map.of("training.optimizer", "sgd", "training.learning_rate", 10.0, "model.d_model", 64), 1,
                IntermediateReporter.NONE));
        // the divergence rule usually ends the run before the loss overflows
        assertTrue(e.getMessage().matches("run failed: (loss became (NaN|-?Infinity)|diverged: loss \\S+) at step \\d+.*"),
                e.getMessage());
    }

    @Test
    void pruningStopsTheRunAtTheFirstValidationItIsAskedTo() throws Exception {
        List<Long> reported = new ArrayList<>();
        IntermediateReporter pruneAtStep4 = (step, value) -> {
            reported.add(step);
            return step >= 4;
        };
        TrialResult result = new ExperimentObjective().create(base(40), context())
                .run(0, Map.of(), 1, pruneAtStep4);
        assertEquals(List.of(2L, 4L), reported);
        assertEquals(4.0, result.metrics().get("steps"));
        assertTrue(result.metrics().containsKey("val_loss"), result.metrics().toString());
        assertFalse(result.metrics().containsKey("test_loss"), "a pruned run is not tested");
        try (ResultsStore store = ResultsStore.open(dir.resolve("results/attnlab.db"))) {
            RunSummary run = store.runs("tiny-sweep").get(0);
            assertEquals("trial-0", run.variant());
            assertEquals("pruned by the sweep at step 4 (not a failure)", run.reason());
        }
    }
}
