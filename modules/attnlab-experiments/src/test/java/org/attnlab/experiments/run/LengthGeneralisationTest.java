package org.attnlab.experiments.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.attnlab.experiments.config.ExperimentLoader;
import org.attnlab.experiments.config.VariantConfig;
import org.attnlab.experiments.kinds.ModelKinds;
import org.attnlab.experiments.kinds.TrainableModel;
import org.attnlab.experiments.store.ResultsStore;
import org.attnlab.experiments.store.RunProcessMain;
import org.attnlab.experiments.store.RunSummary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.MultiDataSet;

/**
 * Synthetic data with training lengths {@code [min_seq_len, seq_len]} and longer test lengths reaches a transformer
 * whose position tables cover the test; transformer runs record their gradient norm per layer at initialisation.
 */
class LengthGeneralisationTest {
    @TempDir
    Path dir;

    private List<RunSpec> plan(String positional) throws IOException {
        Path file = dir.resolve("len.yaml");
        Files.writeString(file, """
                name: len
                dataset: {task: copy, min_seq_len: 2, seq_len: 4, test_lengths: [6, 8], vocab: 6, train_examples: 64,
                          val_examples: 32, test_examples: 32}
                model: {kind: transformer, layers: 2, d_model: 8, heads: 2, d_ff: 16, positional: %s}
                training: {batch_size: 16, steps: 4, eval_every: 2, learning_rate: 0.01}
                seeds: [1, 2]
                variants:
                  v: {}
                """.formatted(positional));
        return RunPlanner.plan(new ExperimentLoader(ModelKinds.load()).load(file), false);
    }

    @Test
    void splitsHaveTheirLengthsAndOneShapeEach() throws IOException {
        DataSource data = DataSource.of(plan("learned").get(0).variant().dataset(), 1);
        assertEquals(8, data.shape().seqLen(), "position tables must cover the longest test example");
        List<Integer> trainLengths = lengths(List.of(data.train(16).next()), 4);
        List<Integer> testLengths = lengths(data.test(), 8);
        assertTrue(trainLengths.stream().allMatch(n -> n >= 2 && n <= 4), trainLengths.toString());
        assertTrue(lengths(data.validation(), 4).stream().allMatch(n -> n >= 2 && n <= 4));
        assertTrue(testLengths.stream().allMatch(n -> n >= 6 && n <= 8), testLengths.toString());
        assertEquals(3, testLengths.stream().distinct().count(), "32 test examples over 3 lengths use all of them");
    }

    /** Lengths of every example (features mask sums), checking that each batch is padded to {@code padded}. */
    private static List<Integer> lengths(List<MultiDataSet> batches, int padded) {
        List<Integer> out = new ArrayList<>();
        for (MultiDataSet b : batches) {
            assertEquals(padded, b.getFeatures(0).size(1));
            INDArray mask = b.getFeaturesMaskArray(0);
            INDArray ids = b.getFeatures(0);
            for (int i = 0; i < mask.size(0); i++) {
                int n = mask.getRow(i).sumNumber().intValue();
                assertEquals(n, ids.getRow(i).neq(0).castTo(ids.dataType()).sumNumber().intValue(), "padding is id 0");
                out.add(n);
            }
        }
        return out;
    }

    @Test
    void ensembleOfLearnedPositionsRunsAndRecordsInitialGradients() throws IOException {
        List<RunSpec> runs = plan("learned");
        try (ResultsStore store = ResultsStore.open(dir.resolve("r/attnlab.db"))) {
            ExperimentRunner runner = new ExperimentRunner(dir.resolve("r"), store, RunProcessMain.trainLines());
            for (RunSummary r : runner.runAll(runs)) {
                assertEquals(RunSummary.COMPLETED, r.status(), r.reason());
                assertTrue(r.testTokenAcc() >= 0 && r.testTokenAcc() <= 1);
            }
            Path file = runner.directory(runs.get(0)).resolve(InitGradients.FILE);
            @SuppressWarnings("unchecked")
            Map<String, Double> norms = new ObjectMapper().readValue(file.toFile(), Map.class);
            assertEquals(java.util.Set.of("embeddings", "enc/0", "enc/1", "dec/0", "dec/1", "out"), norms.keySet());
            norms.values().forEach(n -> assertTrue(n > 0 && Double.isFinite(n), norms.toString()));
        }
    }

    @Test
    void initialGradientNormOfALayerMatchesFiniteDifferences() throws IOException {
        VariantConfig v = plan("sinusoidal").get(0).variant();
        DataSource data = DataSource.of(v.dataset(), 1);
        TrainableModel model = v.model().build(data.shape(), 1);
        MultiDataSet raw = data.train(16).next();
        double norm = InitGradients.of(v.model(), model, raw).get("out");
        double sq = 0;
        for (String name : List.of("out/W", "out/b")) {
            INDArray p = model.sd().getVariable(name).getArr();
            for (long i = 0; i < p.length(); i++) {
                double x = p.getDouble(i);
                double eps = 1e-2;
                p.putScalar(i, x + eps);
                double up = loss(model, raw);
                p.putScalar(i, x - eps);
                double down = loss(model, raw);
                p.putScalar(i, x);
                sq += Math.pow((up - down) / (2 * eps), 2);
            }
        }
        assertEquals(Math.sqrt(sq), norm, 1e-2 * norm);
    }

    private static double loss(TrainableModel model, MultiDataSet raw) {
        return model.sd().output(model.placeholders(raw), model.loss()).get(model.loss()).getDouble(0);
    }
}
