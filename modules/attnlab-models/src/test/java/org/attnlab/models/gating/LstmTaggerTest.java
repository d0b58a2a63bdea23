package org.attnlab.models.gating;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.SplittableRandom;
import org.attnlab.models.GraphTesting;
import org.attnlab.models.init.ParamInit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.TrainingConfig;
import org.nd4j.autodiff.validation.GradCheckUtil;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.config.Adam;

class LstmTaggerTest {
    @BeforeAll
    static void doublePrecision() {
        GraphTesting.useDoublePrecision();
    }

    @Test
    void gradientsAreCorrect() {
        SameDiff sd = SameDiff.create();
        DataSet data = delayedCopy(2, 3, 3, new SplittableRandom(1));
        LstmTagger.build(sd, sd.constant(data.getFeatures()), sd.constant(data.getLabels()),
                new LstmTaggerConfig(3, 3, 2, 2), new ParamInit(2));
        assertTrue(GradCheckUtil.checkGradients(sd, Map.of(), 1e-6, 1e-5, 1e-9, false, false));
    }

    @Test
    void probsAndEveryGateMapAreShapedBatchTime() {
        SameDiff sd = LstmTagger.build(new LstmTaggerConfig(5, 4, 3, 6), 1);
        DataSet data = delayedCopy(2, 4, 5, new SplittableRandom(2));
        Map<String, INDArray> out = sd.output(feed(data), LstmTagger.gateMapNames().toArray(String[]::new));
        assertEquals(5, out.size());
        out.forEach((name, map) -> assertArrayEquals(new long[] {2, 4, 6}, map.shape(), name));
        INDArray probs = sd.output(feed(data), LstmTagger.PROBS).get(LstmTagger.PROBS);
        assertArrayEquals(new long[] {2, 4, 5}, probs.shape());
    }

    @Test
    void learnsToCopyWithADelayOfOneStepAndItsGatesAreReadable() {
        LstmTaggerConfig cfg = new LstmTaggerConfig(5, 6, 8, 16);
        SameDiff sd = LstmTagger.build(cfg, 3);
        sd.setTrainingConfig(TrainingConfig.builder().updater(new Adam(3e-2))
                .dataSetFeatureMapping(LstmTagger.TOKENS).dataSetLabelMapping(LstmTagger.LABELS).build());
        DataSet test = delayedCopy(128, cfg.steps(), cfg.vocab(), new SplittableRandom(99));
        SplittableRandom rnd = new SplittableRandom(5);
        double accuracy = GraphTesting.fitUntil("LSTM delayed copy", sd,
                () -> delayedCopy(32, cfg.steps(), cfg.vocab(), rnd), trained -> scoredAccuracy(trained, test), 0.99,
                400);
        assertTrue(accuracy >= 0.95, "token accuracy " + accuracy);

        String forget = LstmTagger.gateMapNames().get(0);
        INDArray gates = sd.output(feed(test), forget).get(forget).get(NDArrayIndex.point(0), NDArrayIndex.all(),
                NDArrayIndex.all());                                                                // [T, hidden]
        assertArrayEquals(new long[] {cfg.steps(), cfg.hidden()}, gates.shape());
        assertTrue(gates.minNumber().doubleValue() >= 0 && gates.maxNumber().doubleValue() <= 1,
                "a gate is a sigmoid: " + gates.minNumber() + " .. " + gates.maxNumber());
    }

    @Test
    void badConfigValuesAreNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new LstmTaggerConfig(5, 0, 8, 16));
        assertEquals("steps: must be >= 1, was 0", e.getMessage());
    }

    /** Random tokens [n, t] over {@code vocab} ids; the label at step s >= 1 is the token at s - 1, step 0 unscored. */
    private static DataSet delayedCopy(int n, int t, int vocab, SplittableRandom rnd) {
        INDArray tokens = Nd4j.zeros(n, t);
        INDArray labels = Nd4j.zeros(n, t, vocab);
        for (int i = 0; i < n; i++) {
            for (int s = 0; s < t; s++) {
                int token = rnd.nextInt(vocab);
                tokens.putScalar(i, s, token);
                if (s + 1 < t) {
                    labels.putScalar(new int[] {i, s + 1, token}, 1);
                }
            }
        }
        return new DataSet(tokens, labels);
    }

    /** Share of scored positions (non-zero label rows) whose most probable id is the label. */
    private static double scoredAccuracy(SameDiff sd, DataSet data) {
        INDArray probs = sd.output(feed(data), LstmTagger.PROBS).get(LstmTagger.PROBS);
        INDArray labels = data.getLabels();
        INDArray scored = labels.sum(2);
        INDArray hits = probs.argMax(2).eq(labels.argMax(2)).castTo(scored.dataType()).mul(scored);
        return hits.sumNumber().doubleValue() / scored.sumNumber().doubleValue();
    }

    private static Map<String, INDArray> feed(DataSet data) {
        return Map.of(LstmTagger.TOKENS, data.getFeatures(), LstmTagger.LABELS, data.getLabels());
    }
}
