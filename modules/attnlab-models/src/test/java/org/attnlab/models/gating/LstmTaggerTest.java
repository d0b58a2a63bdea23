package org.attnlab.models.gating;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.attnlab.models.GraphTesting;
import org.attnlab.models.dropout.Dropout;
import org.attnlab.models.dropout.DropoutMasks;
import org.attnlab.models.init.ParamInit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.TrainingConfig;
import org.nd4j.autodiff.validation.GradCheckUtil;
import org.nd4j.linalg.api.buffer.DataType;
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

    /** With dropout: evaluation equals the no-dropout graph every time; masks act only during a training step. */
    @Test
    void dropoutActsOnlyDuringTrainingSteps() {
        LstmTaggerConfig plain = new LstmTaggerConfig(5, 4, 3, 6);
        SameDiff with = LstmTagger.build(plain.withDropout(0.4), 1, DataType.DOUBLE);
        SameDiff without = LstmTagger.build(plain, 1, DataType.DOUBLE);
        Map<String, INDArray> feeds = feed(delayedCopy(3, 4, 5, new SplittableRandom(4)));
        DropoutMasks masks = DropoutMasks.of(with, 2, 0);
        assertEquals(Map.of(LstmTagger.INPUT_DROPOUT, 0.4, LstmTagger.OUTPUT_DROPOUT, 0.4), masks.sites());
        assertTrue(DropoutMasks.of(without, 2, 0).isEmpty());
        INDArray expected = probs(without, feeds);
        assertEquals(expected, probs(with, feeds));
        assertEquals(expected, probs(with, feeds));
        INDArray[] during = new INDArray[1];
        masks.during(() -> feeds, () -> during[0] = probs(with, feeds));
        assertTrue(during[0].sub(expected).amaxNumber().doubleValue() > 1e-6, "masks act during a step");
        assertEquals(expected, probs(with, feeds), "masks are reset after the step");
    }

    /**
     * Masks have the sites' shapes ([B, T, E] and [B, T, hidden]), differ from step to step, repeat from the seed,
     * and keep 1 - p of the units within 4 binomial standard deviations.
     */
    @Test
    void dropoutMasksDifferPerStepRepeatFromTheSeedAndKeepOneMinusP() {
        double p = 0.3;
        SameDiff sd = LstmTagger.build(new LstmTaggerConfig(5, 6, 10, 20).withDropout(p), 1, DataType.DOUBLE);
        Map<String, INDArray> feeds = feed(delayedCopy(40, 6, 5, new SplittableRandom(6)));
        DropoutMasks masks = DropoutMasks.of(sd, 7, 0);
        masks.draw(feeds);
        INDArray input1 = mask(sd, LstmTagger.INPUT_DROPOUT);
        INDArray output1 = mask(sd, LstmTagger.OUTPUT_DROPOUT);
        assertArrayEquals(new long[] {40, 6, 10}, input1.shape());
        assertArrayEquals(new long[] {40, 6, 20}, output1.shape());
        masks.draw(feeds);
        assertTrue(!input1.equals(mask(sd, LstmTagger.INPUT_DROPOUT)), "a new step draws a new input mask");
        assertTrue(!output1.equals(mask(sd, LstmTagger.OUTPUT_DROPOUT)), "a new step draws a new output mask");
        DropoutMasks again = DropoutMasks.of(sd, 7, 0);
        again.draw(feeds);
        assertEquals(input1, mask(sd, LstmTagger.INPUT_DROPOUT));
        assertEquals(output1, mask(sd, LstmTagger.OUTPUT_DROPOUT));
        for (INDArray m : List.of(input1, output1)) {
            long n = m.length();
            double kept = m.neq(0.0).castTo(DataType.INT).sumNumber().doubleValue() / n;
            double sigma = Math.sqrt(p * (1 - p) / n);
            System.out.printf("LSTM tagger dropout p=%.1f: kept %.4f of %d (4 sigma = %.4f)%n", p, kept, n, 4 * sigma);
            assertEquals(1 - p, kept, 4 * sigma);
        }
    }

    /** Gradient check in double through both dropout sites with masks drawn. */
    @Test
    void gradientsAreCorrectWithDropoutMasksDrawn() {
        SameDiff sd = SameDiff.create();
        DataSet data = delayedCopy(2, 3, 3, new SplittableRandom(1));
        LstmTagger.build(sd, sd.constant(data.getFeatures()), sd.constant(data.getLabels()),
                new LstmTaggerConfig(3, 3, 2, 2).withDropout(0.5), new ParamInit(2));
        DropoutMasks masks = DropoutMasks.of(sd, 3, 0);
        masks.draw(Map.of());
        assertTrue(mask(sd, LstmTagger.OUTPUT_DROPOUT).eq(0.0).any(), "some units are dropped");
        assertTrue(GradCheckUtil.checkGradients(sd, Map.of(), 1e-6, 1e-5, 1e-9, false, false));
    }

    /** The forget-gate slice of the bias holds the configured value, the other gates 0. */
    @Test
    void forgetBiasAndEmbeddingScaleAreSetFromTheConfig() {
        int h = 3;
        SameDiff sd = LstmTagger.build(new LstmTaggerConfig(5, 4, 2, h, 0.0, 2.5, 1.0), 1, DataType.DOUBLE);
        double[] b = sd.getVariable(LstmTagger.LSTM + "/b").getArr().toDoubleVector();
        for (int i = 0; i < 4 * h; i++) {
            assertEquals(i >= h && i < 2 * h ? 2.5 : 0.0, b[i], "bias " + i);
        }
        INDArray unit = LstmTagger.build(new LstmTaggerConfig(5, 4, 2, h), 1, DataType.DOUBLE)
                .getVariable("embed").getArr();
        INDArray scaled = LstmTagger.build(new LstmTaggerConfig(5, 4, 2, h, 0.0, 1.0, 0.25), 1, DataType.DOUBLE)
                .getVariable("embed").getArr();
        assertEquals(unit.mul(0.25), scaled, "scale 0.25 draws the same normal values times 0.25");
    }

    @Test
    void badConfigValuesAreNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new LstmTaggerConfig(5, 0, 8, 16));
        assertEquals("steps = 0 is out of range: valid range is [1, 2147483647]", e.getMessage());
        assertEquals("dropout = 1.0 is out of range: valid range is [0, 1)", assertThrows(
                IllegalArgumentException.class, () -> new LstmTaggerConfig(5, 4, 8, 16, 1.0, 1.0, 1.0)).getMessage());
        assertEquals("forgetBias = NaN is not valid: must be a finite number", assertThrows(
                IllegalArgumentException.class, () -> new LstmTaggerConfig(5, 4, 8, 16, 0, Double.NaN, 1.0))
                .getMessage());
        assertEquals("embeddingInitScale = 0.0 is out of range: valid range is (0, inf)", assertThrows(
                IllegalArgumentException.class, () -> new LstmTaggerConfig(5, 4, 8, 16, 0, 1.0, 0.0)).getMessage());
    }

    private static INDArray mask(SameDiff sd, String site) {
        return sd.getVariable(site + Dropout.MASK).getArr().dup();
    }

    private static INDArray probs(SameDiff sd, Map<String, INDArray> feeds) {
        return sd.output(feeds, LstmTagger.PROBS).get(LstmTagger.PROBS);
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
