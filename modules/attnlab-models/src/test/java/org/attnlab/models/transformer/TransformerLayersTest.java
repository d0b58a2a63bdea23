package org.attnlab.models.transformer;

import static org.attnlab.models.GraphTesting.assertGradientsCorrect;
import static org.attnlab.models.GraphTesting.random;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.attnlab.models.GraphTesting;
import org.attnlab.models.init.ParamInit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;

class TransformerLayersTest {
    private static final ParamInit INIT = new ParamInit(11);
    private static final INDArray MASK = Nd4j.create(new double[][]{{1, 1, 1}, {1, 1, 0}});

    @BeforeAll
    static void doublePrecision() {
        GraphTesting.useDoublePrecision();
    }

    /** B=2, T=3, d=4, H=2, dFf=8. */
    private static TransformerConfig tiny(String norm, boolean residual) {
        return new TransformerConfig(6, 6, 8, 1, 4, 2, 8, 0.0, norm, residual, "sinusoidal", false, "scaled_dot", 0,
                0.0, 0.0, 16, false, 1e-5, false, 1.0, 1.0, "xavier");
    }

    @ParameterizedTest
    @CsvSource({"post, true", "pre, true"})
    void encoderLayerGradientsAreCorrect(String norm, boolean residual) {
        SameDiff sd = SameDiff.create();
        SDVariable x = sd.var("x", random(1, 2, 3, 4));
        SDVariable out = EncoderLayer.build(sd, "enc/0", x, sd.constant("mask", MASK), tiny(norm, residual), INIT);
        assertGradientsCorrect(sd, out, 2);
    }

    @ParameterizedTest
    @CsvSource({"post, true", "pre, false"})
    void decoderLayerGradientsAreCorrect(String norm, boolean residual) {
        SameDiff sd = SameDiff.create();
        SDVariable y = sd.var("y", random(3, 2, 3, 4));
        SDVariable memory = sd.var("memory", random(4, 2, 3, 4));
        SDVariable out = DecoderLayer.build(sd, "dec/0", y, memory, sd.constant("srcMask", MASK),
                sd.constant("tgtMask", MASK), tiny(norm, residual), INIT);
        assertGradientsCorrect(sd, out, 5);
    }

    @ParameterizedTest
    @CsvSource({"post", "pre"})
    void decoderOutputsIgnoreFutureTargetTokens(String norm) {
        TransformerConfig cfg = new TransformerConfig(7, 7, 8, 2, 8, 2, 16, 0.0, norm, true, "learned", true,
                "scaled_dot", 0, 0.0, 0.0, 16, false, 1e-5, false, 1.0, 1.0, "xavier");
        SameDiff sd = Transformer.build(cfg, 5);
        INDArray src = Nd4j.create(new double[][]{{2, 3, 4, 5, 0}, {6, 5, 4, 0, 0}});
        INDArray tgt = Nd4j.create(new double[][]{{1, 2, 3, 4, 5, 6}, {1, 6, 5, 4, 3, 2}});
        INDArray changed = tgt.dup();
        changed.get(NDArrayIndex.all(), NDArrayIndex.interval(3, 6)).assign(Nd4j.create(new double[][]{
                {6, 6, 0}, {2, 0, 3}}));
        INDArray a = logits(sd, src, tgt);
        INDArray b = logits(sd, src, changed);
        INDArrayIndex[] past = {NDArrayIndex.all(), NDArrayIndex.interval(0, 3), NDArrayIndex.all()};
        assertTrue(a.get(past).equalsWithEps(b.get(past), 1e-12), "positions 0..2 changed");
        assertFalse(a.equalsWithEps(b, 1e-6), "the changed positions should change");
    }

    @ParameterizedTest
    @CsvSource({"sinusoidal", "learned", "none"})
    void everyAttentionLayerExposesItsWeightsAndPaddedKeysGetNone(String positional) {
        TransformerConfig cfg = TransformerConfig.small(7, 8, 2, 8, 2, 16).withPositional(positional);
        SameDiff sd = Transformer.build(cfg, 5);
        Map<String, INDArray> out = sd.output(Map.of(
                        Transformer.SRC, Nd4j.create(new double[][]{{2, 3, 4, 0}}),
                        Transformer.TGT_IN, Nd4j.create(new double[][]{{1, 2, 0}})),
                Transformer.encoderSelfWeights(1), Transformer.decoderSelfWeights(1),
                Transformer.decoderCrossWeights(1), Transformer.PROBS);
        INDArray enc = out.get("enc/1/self/weights");
        INDArray dec = out.get("dec/1/self/weights");
        INDArray cross = out.get("dec/1/cross/weights");
        assertArrayEquals(new long[]{1, 2, 4, 4}, enc.shape());
        assertArrayEquals(new long[]{1, 2, 3, 3}, dec.shape());
        assertArrayEquals(new long[]{1, 2, 3, 4}, cross.shape());
        assertArrayEquals(new long[]{1, 3, 7}, out.get(Transformer.PROBS).shape());
        assertEquals(0.0, enc.get(lastKey()).sumNumber().doubleValue(), 0.0, "padded source key");
        assertEquals(0.0, cross.get(lastKey()).sumNumber().doubleValue(), 0.0, "padded source key");
        assertEquals(0.0, dec.get(lastKey()).sumNumber().doubleValue(), 0.0, "padded target key");
        assertTrue(cross.sum(3).equalsWithEps(Nd4j.ones(1, 2, 3), 1e-12));
    }

    @Test
    void lossIsTheMeanNegativeLogLikelihoodOfNonPaddingLabels() {
        SameDiff sd = Transformer.build(TransformerConfig.small(7, 8, 1, 8, 2, 16), 3);
        INDArray labels = Nd4j.create(new double[][]{{2, 3, 4}, {5, 0, 0}});
        Map<String, INDArray> out = sd.output(Map.of(
                        Transformer.SRC, Nd4j.create(new double[][]{{2, 3, 4}, {5, 0, 0}}),
                        Transformer.TGT_IN, Nd4j.create(new double[][]{{1, 2, 3}, {1, 5, 0}}),
                        Transformer.LABELS, labels),
                Transformer.PROBS, Transformer.LOSS);
        INDArray p = out.get(Transformer.PROBS);
        double expected = -(Math.log(p.getDouble(0, 0, 2)) + Math.log(p.getDouble(0, 1, 3))
                + Math.log(p.getDouble(0, 2, 4)) + Math.log(p.getDouble(1, 0, 5))) / 4;
        assertEquals(expected, out.get(Transformer.LOSS).getDouble(0), 1e-12);
    }

    private static INDArrayIndex[] lastKey() {
        return new INDArrayIndex[]{NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.point(-1)};
    }

    private static INDArray logits(SameDiff sd, INDArray src, INDArray tgtIn) {
        return sd.output(Map.of(Transformer.SRC, src, Transformer.TGT_IN, tgtIn), Transformer.LOGITS)
                .get(Transformer.LOGITS);
    }
}
