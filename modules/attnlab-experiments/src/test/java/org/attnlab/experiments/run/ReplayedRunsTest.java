package org.attnlab.experiments.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.attnlab.experiments.TinyExperiment;
import org.attnlab.experiments.config.ExperimentLoader;
import org.attnlab.experiments.kinds.ModelKinds;
import org.attnlab.experiments.store.MetricRow;
import org.attnlab.experiments.store.ResultsStore;
import org.attnlab.experiments.store.RunSummary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs whose steps are replayed ({@link RecordedStep}) with libnd4j's batched products ({@value LeanKernels#EXACT})
 * end bit for bit as runs whose every step goes through SameDiff's session: the same training and validation losses at
 * every validation and the same test metrics, for each model kind the tiny experiments cover (tagger and transformer
 * with dropout, single and as an ensemble, Adam with and without gradient clipping; the LSTM encoder-decoder, whose
 * batches change length). Replayed with the batched products in Java (the default), they end within float rounding.
 */
class ReplayedRunsTest {
    @TempDir
    Path dir;

    @Test
    void taggerAndTransformerWithDropoutSingleEnsembleAndClipped() throws IOException {
        Path file = dir.resolve("r.yaml");
        Files.writeString(file, """
                name: r
                dataset: {task: reverse, seq_len: 4, vocab: 6, train_examples: 64, val_examples: 32, test_examples: 32}
                model: {kind: tagger, d_model: 8, heads: 2, score: dot, dropout: 0.2, attention_dropout: 0.1}
                training: {batch_size: 16, steps: 8, eval_every: 4, warmup_steps: 2}
                seeds: [1, 2]
                variants:
                  tagger: {}
                  single: {training: {ensemble: 1}}
                  clipped: {training: {clip_norm: 1.0}}
                  transformer: {model: {kind: transformer, d_model: 8, heads: 2, d_ff: 8, dropout: 0.1}}
                """);
        assertSameRuns(file);
    }

    @Test
    void lstmEncoderDecoderOnBatchesOfChangingLength() throws IOException {
        assertSameRuns(TinyExperiment.writeReordering(dir, 8, 4, "  dot: {model: {score: dot, dropout: 0.2}}\n"));
    }

    private void assertSameRuns(Path file) {
        List<RunSpec> runs = RunPlanner.plan(new ExperimentLoader(ModelKinds.load()).load(file), false);
        List<RunSummary> session = runAll("session", runs, "false", "false");
        List<RunSummary> exact = runAll("exact", runs, "true", "true");
        List<RunSummary> replayed = runAll("replayed", runs, "true", "false");
        assertSame(runs, session, "session", exact, "exact", 0.0, 0.0);
        assertSame(runs, session, "session", replayed, "replayed", 1e-4, 1.0 / 64);
    }

    private void assertSame(List<RunSpec> runs, List<RunSummary> expected, String expectedStore,
                            List<RunSummary> actual, String actualStore, double lossTolerance, double accTolerance) {
        assertEquals(runs.size(), actual.size());
        for (int i = 0; i < runs.size(); i++) {
            RunSummary r = actual.get(i);
            RunSummary s = expected.get(i);
            assertEquals(RunSummary.COMPLETED, r.status(), r.reason());
            assertEquals(s.steps(), r.steps(), r.runId());
            assertEquals(s.testLoss(), r.testLoss(), lossTolerance, r.runId());
            assertEquals(s.testTokenAcc(), r.testTokenAcc(), accTolerance, r.runId());
            List<MetricRow> rowsR = metrics(actualStore, r.runId());
            List<MetricRow> rowsS = metrics(expectedStore, s.runId());
            assertEquals(rowsS.size(), rowsR.size(), r.runId());
            for (int k = 0; k < rowsS.size(); k++) {
                assertEquals(rowsS.get(k).trainLoss(), rowsR.get(k).trainLoss(), lossTolerance, r.runId() + " row " + k);
                assertEquals(rowsS.get(k).valLoss(), rowsR.get(k).valLoss(), lossTolerance, r.runId() + " row " + k);
            }
        }
    }

    private List<RunSummary> runAll(String name, List<RunSpec> runs, String replay, String exact) {
        String before = System.getProperty("attnlab.replay");
        System.setProperty("attnlab.replay", replay);
        System.setProperty(LeanKernels.EXACT, exact);
        try (ResultsStore store = ResultsStore.open(dir.resolve(name + ".db"))) {
            return new ExperimentRunner(dir.resolve(name), store, new TrainerTest.Recorder(false)).runAll(runs);
        } finally {
            System.clearProperty(LeanKernels.EXACT);
            if (before == null) {
                System.clearProperty("attnlab.replay");
            } else {
                System.setProperty("attnlab.replay", before);
            }
        }
    }

    private List<MetricRow> metrics(String name, String runId) {
        try (ResultsStore store = ResultsStore.open(dir.resolve(name + ".db"))) {
            return store.metrics(runId);
        }
    }
}
