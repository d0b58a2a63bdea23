package org.attnlab.models.dropout;

import static org.attnlab.models.GraphTesting.assertGradientsCorrect;
import static org.attnlab.models.GraphTesting.random;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.attnlab.models.GraphTesting;
import org.attnlab.models.alignment.AttentionSeq2Seq;
import org.attnlab.models.alignment.Seq2SeqConfig;
import org.attnlab.models.attention.AttentionConfig;
import org.attnlab.models.attention.ScoreFunction;
import org.attnlab.models.tasks.SequenceTagger;
import org.attnlab.models.tasks.SequenceTaggerConfig;
import org.attnlab.models.transformer.Transformer;
import org.attnlab.models.transformer.TransformerConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Masks drawn outside the graph: inverted scaling, kept fraction, per-step change, seeding, resuming, gradients. */
class DropoutMasksTest {
    private static final INDArray SRC = Nd4j.create(new double[][]{{2, 3, 4, 5, 0}, {6, 5, 4, 0, 0}});
    private static final INDArray TGT_IN = Nd4j.create(new double[][]{{1, 2, 3, 4}, {1, 6, 5, 0}});
    private static final INDArray LABELS = Nd4j.create(new double[][]{{2, 3, 4, 5}, {6, 5, 4, 0}});

    @BeforeAll
    static void doublePrecision() {
        GraphTesting.useDoublePrecision();
    }

    /** One site of rate {@code rate} on a {@code [40, 50]} variable of ones. */
    private static SameDiff oneSite(double rate) {
        SameDiff sd = SameDiff.create();
        Dropout.apply(sd, "d", sd.var("x", Nd4j.ones(DataType.DOUBLE, 40, 50)), rate);
        return sd;
    }

    private static INDArray mask(SameDiff sd, String site) {
        return sd.getVariable(site + Dropout.MASK).getArr().dup();
    }

    /** Kept fraction within 4 binomial standard deviations of 1 - p; kept entries are exactly 1 / (1 - p). */
    @ParameterizedTest
    @ValueSource(doubles = {0.1, 0.3, 0.5, 0.9})
    void keptFractionIsOneMinusRateAndKeptValuesAreScaled(double rate) {
        SameDiff sd = oneSite(rate);
        DropoutMasks masks = DropoutMasks.of(sd, 42, 0);
        masks.draw(Map.of());
        INDArray m = mask(sd, "d");
        assertArrayEquals(new long[]{40, 50}, m.shape());
        long n = m.length();
        long kept = m.neq(0.0).castTo(DataType.INT).sumNumber().longValue();
        double fraction = (double) kept / n;
        double sigma = Math.sqrt(rate * (1 - rate) / n);
        System.out.printf("dropout p=%.1f: kept %d of %d = %.4f (expected %.4f, 4 sigma = %.4f)%n", rate, kept, n,
                fraction, 1 - rate, 4 * sigma);
        assertEquals(1 - rate, fraction, 4 * sigma);
        double scale = 1 / (1 - rate);
        for (double v : m.ravel().toDoubleVector()) {
            assertTrue(v == 0.0 || v == scale, "mask value " + v);
        }
    }

    @Test
    void masksDifferFromStepToStepAndRepeatFromTheSeed() {
        SameDiff sd = oneSite(0.5);
        DropoutMasks a = DropoutMasks.of(sd, 7, 0);
        a.draw(Map.of());
        INDArray first = mask(sd, "d");
        a.draw(Map.of());
        INDArray second = mask(sd, "d");
        assertFalse(first.equals(second), "consecutive steps must draw different masks");
        assertEquals(2, a.position());

        DropoutMasks again = DropoutMasks.of(sd, 7, 0);
        again.draw(Map.of());
        assertEquals(first, mask(sd, "d"), "the same seed repeats the stream");
        DropoutMasks other = DropoutMasks.of(sd, 8, 0);
        other.draw(Map.of());
        assertFalse(first.equals(mask(sd, "d")), "another seed draws other masks");
    }

    /** A stream reopened at the position a checkpoint saved draws what the uninterrupted stream draws next. */
    @Test
    void reopenedAtASavedPositionTheStreamContinues() {
        SameDiff sd = oneSite(0.3);
        DropoutMasks straight = DropoutMasks.of(sd, 5, 0);
        for (int i = 0; i < 4; i++) {
            straight.draw(Map.of());
        }
        INDArray fourth = mask(sd, "d");
        DropoutMasks resumed = DropoutMasks.of(sd, 5, 3);
        resumed.draw(Map.of());
        assertEquals(fourth, mask(sd, "d"));
        assertEquals(4, resumed.position());
    }

    /** Outside a training step the masks are 1: output equals the graph without dropout, run after run. */
    @Test
    void atInferenceTheTransformerEqualsItsNoDropoutGraph() {
        TransformerConfig plain = TransformerConfig.small(7, 8, 2, 8, 2, 16);
        SameDiff withDropout = Transformer.build(plain.withDropout(0.3, 0.2, 0.4), 3, DataType.DOUBLE);
        SameDiff without = Transformer.build(plain, 3, DataType.DOUBLE);
        assertEquals(2 + 2 * (2 + 1) + 2 * (3 + 2), DropoutMasks.of(withDropout, 1, 0).sites().size(),
                "sites: 2 inputs; per encoder layer 2 sublayers + 1 attention, per decoder layer 3 + 2");
        assertTrue(DropoutMasks.of(without, 1, 0).isEmpty());
        INDArray expected = logits(without);
        assertEquals(expected, logits(withDropout));
        assertEquals(expected, logits(withDropout));

        DropoutMasks masks = DropoutMasks.of(withDropout, 9, 0);
        INDArray[] during = new INDArray[1];
        masks.during(DropoutMasksTest::feeds, () -> during[0] = logits(withDropout));
        assertTrue(during[0].sub(expected).amaxNumber().doubleValue() > 1e-3, "masks act during a step");
        assertEquals(expected, logits(withDropout), "masks are reset after the step");
    }

    /** The seq2seq model and the tagger: evaluation equals the no-dropout graph; masks act during a step only. */
    @Test
    void seq2seqAndTaggerDropOnlyDuringTrainingSteps() {
        AttentionConfig additive = AttentionConfig.of(ScoreFunction.ADDITIVE, 4);
        INDArray mask = Nd4j.create(new double[][]{{1, 1, 1, 1, 0}, {1, 1, 1, 0, 0}});
        Map<String, INDArray> seq2seqFeeds = Map.of(AttentionSeq2Seq.SOURCE, SRC, AttentionSeq2Seq.SOURCE_MASK, mask,
                AttentionSeq2Seq.DECODER_INPUT, TGT_IN);
        assertDropsOnlyInSteps(AttentionSeq2Seq.build(new Seq2SeqConfig(7, 7, 4, 6, additive.withDropout(0.3), 0.4),
                        1, DataType.DOUBLE), AttentionSeq2Seq.build(new Seq2SeqConfig(7, 7, 4, 6, additive, 0.0), 1,
                        DataType.DOUBLE), seq2seqFeeds, AttentionSeq2Seq.PROBS, 4);
        assertDropsOnlyInSteps(SequenceTagger.build(new SequenceTaggerConfig(7, 5, 4, 2, additive.withDropout(0.3),
                        0.4), 1, DataType.DOUBLE), SequenceTagger.build(new SequenceTaggerConfig(7, 5, 4, 2, additive,
                        0.0), 1, DataType.DOUBLE), Map.of(SequenceTagger.TOKENS, SRC), SequenceTagger.PROBS, 3);
    }

    private static void assertDropsOnlyInSteps(SameDiff withDropout, SameDiff without, Map<String, INDArray> feeds,
                                               String output, int sites) {
        DropoutMasks masks = DropoutMasks.of(withDropout, 2, 0);
        assertEquals(sites, masks.sites().size(), masks.sites().toString());
        INDArray expected = without.output(feeds, output).get(output);
        assertEquals(expected, withDropout.output(feeds, output).get(output));
        INDArray[] during = new INDArray[1];
        masks.during(() -> feeds, () -> during[0] = withDropout.output(feeds, output).get(output));
        assertTrue(during[0].sub(expected).amaxNumber().doubleValue() > 1e-6, "masks act during a step");
        assertEquals(expected, withDropout.output(feeds, output).get(output));
    }

    /** Training steps with masks: shapes fit the graph, and two runs with one seed end with equal weights. */
    @Test
    void trainingWithDropoutIsReproducibleFromTheSeed() {
        TransformerConfig cfg = TransformerConfig.small(7, 8, 1, 8, 2, 16).withDropout(0.3, 0.2, 0.4);
        INDArray a = train(cfg, 11);
        INDArray b = train(cfg, 11);
        INDArray c = train(cfg, 12);
        assertEquals(a, b);
        assertTrue(a.sub(c).amaxNumber().doubleValue() > 1e-6, "another mask seed trains differently");
    }

    /** Gradient check in double through two sites with masks drawn: {@code drop(tanh(drop(x) W))}. */
    @Test
    void gradientsFlowThroughTheMasks() {
        SameDiff sd = SameDiff.create();
        SDVariable x = Dropout.apply(sd, "in", sd.var("x", random(1, 3, 4)), 0.3);
        SDVariable h = sd.math.tanh(x.mmul(sd.var("w", random(2, 4, 5))));
        SDVariable out = Dropout.apply(sd, "hidden", h, 0.5);
        DropoutMasks masks = DropoutMasks.of(sd, 4, 0);
        masks.draw(Map.of());
        assertEquals(2, masks.sites().size());
        assertTrue(mask(sd, "hidden").eq(0.0).any(), "some units are dropped");
        assertGradientsCorrect(sd, out, 2);
    }

    @Test
    void invalidRatesAreRejected() {
        assertEquals("d: must be in [0, 1), was 1",
                assertThrows(IllegalArgumentException.class, () -> oneSite(1.0)).getMessage());
    }

    private static Map<String, INDArray> feeds() {
        return Map.of(Transformer.SRC, SRC, Transformer.TGT_IN, TGT_IN, Transformer.LABELS, LABELS);
    }

    private static INDArray logits(SameDiff sd) {
        return sd.output(Map.of(Transformer.SRC, SRC, Transformer.TGT_IN, TGT_IN), Transformer.LOGITS)
                .get(Transformer.LOGITS);
    }

    /** Three Adam steps with masks from {@code maskSeed}; returns the output projection. */
    private static INDArray train(TransformerConfig cfg, long maskSeed) {
        SameDiff sd = Transformer.build(cfg, 3, DataType.DOUBLE);
        sd.setTrainingConfig(org.nd4j.autodiff.samediff.TrainingConfig.builder()
                .updater(new org.nd4j.linalg.learning.config.Adam(1e-2))
                .dataSetFeatureMapping(Transformer.SRC, Transformer.TGT_IN).dataSetLabelMapping(Transformer.LABELS)
                .build());
        DropoutMasks masks = DropoutMasks.of(sd, maskSeed, 0);
        org.nd4j.linalg.dataset.MultiDataSet batch = new org.nd4j.linalg.dataset.MultiDataSet(
                new INDArray[]{SRC, TGT_IN}, new INDArray[]{LABELS});
        for (int i = 0; i < 3; i++) {
            masks.during(DropoutMasksTest::feeds, () -> sd.fit(batch));
        }
        return sd.getVariable("out/W").getArr().dup();
    }
}
