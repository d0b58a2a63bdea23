package org.attnlab.models.attention;

import static org.attnlab.models.GraphTesting.assertGradientsCorrect;
import static org.attnlab.models.GraphTesting.eval;
import static org.attnlab.models.GraphTesting.random;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.attnlab.models.GraphTesting;
import org.attnlab.models.init.ParamInit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

class MultiHeadAttentionTest {
    private static final ParamInit INIT = new ParamInit(3);
    private static final INDArray MASK = Nd4j.create(new double[][]{{1, 1, 1, 1}, {1, 1, 0, 0}});

    @BeforeAll
    static void doublePrecision() {
        GraphTesting.useDoublePrecision();
    }

    private static SDVariable selfAttention(SameDiff sd, INDArray x, INDArray mask, AttentionConfig att, boolean fused) {
        SDVariable xv = sd.var("x", x);
        SDVariable m = mask == null ? null : sd.constant("mask", mask);
        return MultiHeadAttention.build(sd, "mha", xv, xv, m, new MultiHeadConfig(4, 2, att, fused, false), INIT);
    }

    @ParameterizedTest
    @EnumSource(ScoreFunction.class)
    void gradientsAreCorrectWithPaddingAndCausalMasks(ScoreFunction score) {
        SameDiff sd = SameDiff.create();
        SDVariable out = selfAttention(sd, random(1, 2, 4, 4), MASK, AttentionConfig.of(score).withCausal(true), false);
        assertGradientsCorrect(sd, out, 2);
    }

    @Test
    void gradientsOfTheFusedPathAreCorrect() {
        SameDiff sd = SameDiff.create();
        SDVariable out = selfAttention(sd, random(1, 2, 4, 4), MASK, AttentionConfig.of(ScoreFunction.SCALED_DOT), true);
        assertGradientsCorrect(sd, out, 2);
    }

    /** Projection biases (set to random values) get correct gradients; asking for the fused op then falls back. */
    @Test
    void gradientsWithProjectionBiasesAreCorrect() {
        MultiHeadConfig cfg = new MultiHeadConfig(4, 2, AttentionConfig.of(ScoreFunction.SCALED_DOT), true, true);
        assertFalse(cfg.usesFusedOp(), "libnd4j's fused op has no biases");
        SameDiff sd = SameDiff.create();
        SDVariable xv = sd.var("x", random(1, 2, 4, 4));
        SDVariable out = MultiHeadAttention.build(sd, "mha", xv, xv, sd.constant("mask", MASK), cfg, INIT);
        String[] biases = {"bq", "bk", "bv", "bo"};
        for (int i = 0; i < biases.length; i++) {
            sd.getVariable("mha/" + biases[i]).getArr().assign(random(20 + i, 4));
        }
        assertGradientsCorrect(sd, out, 2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dot", "scaled_dot"})
    void fusedAndPerHeadPathsAgree(String score) {
        INDArray x = random(5, 2, 4, 4);
        INDArray fullyPadded = Nd4j.create(new double[][]{{1, 1, 1, 0}, {0, 0, 0, 0}});
        for (INDArray mask : new INDArray[]{null, MASK, fullyPadded}) {
            AttentionConfig att = AttentionConfig.of(ScoreFunction.fromName(score));
            SameDiff plain = SameDiff.create();
            SameDiff fused = SameDiff.create();
            INDArray a = eval(plain, selfAttention(plain, x, mask, att, false).name());
            INDArray b = eval(fused, selfAttention(fused, x, mask, att, true).name());
            assertTrue(a.equalsWithEps(b, 1e-5), "outputs differ with mask " + mask);
            INDArray wa = eval(plain, MultiHeadAttention.weightsName("mha"));
            INDArray wb = eval(fused, MultiHeadAttention.weightsName("mha"));
            assertTrue(wa.equalsWithEps(wb, 1e-5), "weights differ with mask " + mask);
        }
    }

    @Test
    void perHeadWeightsAreReadableAndRowsSumToOne() {
        SameDiff sd = SameDiff.create();
        SDVariable q = sd.var("q", random(7, 2, 3, 4));
        SDVariable kv = sd.var("kv", random(8, 2, 5, 4));
        MultiHeadConfig cfg = new MultiHeadConfig(4, 2, AttentionConfig.of(ScoreFunction.ADDITIVE), false, false);
        SDVariable out = MultiHeadAttention.build(sd, "cross", q, kv, null, cfg, INIT);
        INDArray w = eval(sd, MultiHeadAttention.weightsName("cross"));
        assertArrayEquals(new long[]{2, 2, 3, 5}, w.shape());
        assertTrue(w.sum(3).equalsWithEps(Nd4j.ones(2, 2, 3), 1e-12));
        assertArrayEquals(new long[]{2, 3, 4}, eval(sd, out.name()).shape());
    }

    @ParameterizedTest
    @EnumSource(ScoreFunction.class)
    void causalMultiHeadAttentionIgnoresTheFuture(ScoreFunction score) {
        INDArray x = random(9, 2, 4, 4);
        INDArray changed = x.dup();
        changed.get(NDArrayIndex.all(), NDArrayIndex.point(3), NDArrayIndex.all()).assign(random(10, 2, 4));
        AttentionConfig att = AttentionConfig.of(score).withCausal(true);
        SameDiff s1 = SameDiff.create();
        SameDiff s2 = SameDiff.create();
        INDArray a = eval(s1, selfAttention(s1, x, null, att, false).name());
        INDArray b = eval(s2, selfAttention(s2, changed, null, att, false).name());
        INDArray first = a.get(NDArrayIndex.all(), NDArrayIndex.interval(0, 3), NDArrayIndex.all());
        assertTrue(first.equalsWithEps(b.get(NDArrayIndex.all(), NDArrayIndex.interval(0, 3), NDArrayIndex.all()), 1e-12));
        assertFalse(a.equalsWithEps(b, 1e-6));
    }

    @Test
    void aSingleHeadWithIdentityProjectionsIsKeyValueAttention() {
        INDArray x = random(12, 2, 4, 4);
        SameDiff mh = SameDiff.create();
        SDVariable xv = mh.var("x", x);
        SDVariable out = MultiHeadAttention.build(mh, "mha", xv, xv, null,
                new MultiHeadConfig(4, 1, AttentionConfig.of(ScoreFunction.DOT), false, false), INIT);
        for (String w : new String[]{"Wq", "Wk", "Wv", "Wo"}) {
            mh.getVariable("mha/" + w).setArray(Nd4j.eye(4));
        }
        SameDiff kv = SameDiff.create();
        SDVariable ref = KeyValueAttention.selfAttend(kv, "att", kv.var("x", x), null,
                AttentionConfig.of(ScoreFunction.DOT), INIT);
        assertTrue(eval(kv, ref.name()).equalsWithEps(eval(mh, out.name()), 1e-12));
    }

    @Test
    void badConfigsAndShapesAreNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new MultiHeadConfig(6, 4, AttentionConfig.of(ScoreFunction.DOT), false, false));
        assertEquals("heads: must divide dModel=6, was 4", e.getMessage());
        SameDiff sd = SameDiff.create();
        SDVariable x = sd.var("x", random(1, 2, 3, 5));
        e = assertThrows(IllegalArgumentException.class, () -> MultiHeadAttention.build(sd, "mha", x, x, null,
                new MultiHeadConfig(4, 2, AttentionConfig.of(ScoreFunction.DOT), false, false), INIT));
        assertEquals("queries has the wrong shape: expected [*, *, 4] but was [2, 3, 5]", e.getMessage());
    }
}
