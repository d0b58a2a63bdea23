package org.attnlab.models.attention;

import static org.attnlab.models.GraphTesting.assertGradientsCorrect;
import static org.attnlab.models.GraphTesting.eval;
import static org.attnlab.models.GraphTesting.random;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.attnlab.models.GraphTesting;
import org.attnlab.models.init.ParamInit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

class KeyValueAttentionTest {
    private static final ParamInit INIT = new ParamInit(7);

    @BeforeAll
    static void doublePrecision() {
        GraphTesting.useDoublePrecision();
    }

    /** One query [1, 0] against keys [1, 0] and [0, 1] with values [1, 2] and [3, 4]. */
    private static INDArray handCase(ScoreFunction score, String setUp) {
        SameDiff sd = SameDiff.create();
        SDVariable q = sd.var("q", Nd4j.create(new double[]{1, 0}, 1, 1, 2));
        SDVariable k = sd.var("k", Nd4j.create(new double[]{1, 0, 0, 1}, 1, 2, 2));
        SDVariable v = sd.var("v", Nd4j.create(new double[]{1, 2, 3, 4}, 1, 2, 2));
        SDVariable out = KeyValueAttention.attend(sd, "att", q, k, v, null,
                new AttentionConfig(score, 1, false, AttentionConfig.NO_WINDOW, 0.0), INIT);
        if (setUp.equals("general")) {
            sd.getVariable("att/score/W").setArray(Nd4j.create(new double[]{2, 0, 0, 1}, 2, 2));
        } else if (setUp.equals("additive")) {
            sd.getVariable("att/score/Wq").setArray(Nd4j.create(new double[]{1, 0}, 2, 1));
            sd.getVariable("att/score/Wk").setArray(Nd4j.create(new double[]{0, 1}, 2, 1));
            sd.getVariable("att/score/v").setArray(Nd4j.create(new double[]{1}, 1));
        }
        INDArray w = eval(sd, KeyValueAttention.weightsName("att"));
        INDArray o = eval(sd, out.name());
        return Nd4j.concat(0, w.reshape(2), o.reshape(2));
    }

    static Stream<Arguments> handWorked() {
        return Stream.of(
                // scores [1, 0]: weights [e/(e+1), 1/(e+1)]; output w0*[1,2] + w1*[3,4]
                Arguments.of(ScoreFunction.DOT, new double[]{0.731058578630, 0.268941421370, 1.537882842740, 2.537882842740}),
                // scores [1/sqrt(2), 0]
                Arguments.of(ScoreFunction.SCALED_DOT, new double[]{0.669761549327, 0.330238450673, 1.660476901347, 2.660476901347}),
                // W = diag(2, 1): scores [2, 0]
                Arguments.of(ScoreFunction.GENERAL, new double[]{0.880797077978, 0.119202922022, 1.238405844044, 2.238405844044}),
                // h = 1, W_q = [1, 0]^T, W_k = [0, 1]^T, v = 1: scores [tanh(1 + 0), tanh(1 + 1)]
                Arguments.of(ScoreFunction.ADDITIVE, new double[]{0.449563763218, 0.550436236782, 2.100872473563, 3.100872473563}));
    }

    @ParameterizedTest
    @MethodSource("handWorked")
    void matchesHandWorkedValues(ScoreFunction score, double[] expected) {
        assertArrayEquals(expected, handCase(score, score.configName()).toDoubleVector(), 1e-11);
    }

    @ParameterizedTest
    @EnumSource(ScoreFunction.class)
    void equalScoresGiveTheMeanOfTheValues(ScoreFunction score) {
        SameDiff sd = SameDiff.create();
        INDArray oneKey = random(1, 1, 1, 3);
        SDVariable q = sd.var("q", random(2, 2, 4, 3));
        SDVariable k = sd.var("k", Nd4j.concat(1, oneKey, oneKey, oneKey, oneKey, oneKey).repeat(0, 2));
        INDArray values = random(3, 2, 5, 2);
        SDVariable v = sd.var("v", values);
        SDVariable out = KeyValueAttention.attend(sd, "att", q, k, v, null, AttentionConfig.of(score), INIT);
        INDArray mean = values.mean(true, 1).repeat(1, 4);
        assertTrue(mean.equalsWithEps(eval(sd, out.name()), 1e-12));
    }

    @Test
    void aSharplyMatchingKeyPicksItsValue() {
        SameDiff sd = SameDiff.create();
        SDVariable q = sd.var("q", Nd4j.create(new double[]{0, 0, 50, 0}, 1, 1, 4));
        SDVariable k = sd.var("k", Nd4j.eye(4).mul(2).reshape(1, 4, 4));
        INDArray values = random(4, 1, 4, 3);
        SDVariable v = sd.var("v", values);
        SDVariable out = KeyValueAttention.attend(sd, "att", q, k, v, null, AttentionConfig.of(ScoreFunction.DOT), INIT);
        INDArray picked = values.get(NDArrayIndex.all(), NDArrayIndex.interval(2, 3), NDArrayIndex.all());
        assertTrue(picked.equalsWithEps(eval(sd, out.name()), 1e-12));
    }

    enum MaskKind { NONE, PADDING, CAUSAL, PADDING_AND_CAUSAL, WINDOW }

    /** Self-attention on x [2, 4, 3]; batch item 1 has its last key padded. */
    private static SDVariable selfAttention(SameDiff sd, INDArray x, ScoreFunction score, MaskKind kind) {
        SDVariable xv = sd.var("x", x);
        boolean padded = kind == MaskKind.PADDING || kind == MaskKind.PADDING_AND_CAUSAL;
        SDVariable mask = padded ? sd.constant("mask", Nd4j.create(new double[][]{{1, 1, 1, 1}, {1, 1, 1, 0}})) : null;
        AttentionConfig cfg = AttentionConfig.of(score)
                .withCausal(kind == MaskKind.CAUSAL || kind == MaskKind.PADDING_AND_CAUSAL)
                .withWindow(kind == MaskKind.WINDOW ? 1 : AttentionConfig.NO_WINDOW);
        return KeyValueAttention.selfAttend(sd, "att", xv, mask, cfg, INIT);
    }

    static Stream<Arguments> scoreTimesMask() {
        return Stream.of(ScoreFunction.values())
                .flatMap(s -> Stream.of(MaskKind.values()).map(m -> Arguments.of(s, m)));
    }

    @ParameterizedTest
    @MethodSource("scoreTimesMask")
    void gradientsAreCorrect(ScoreFunction score, MaskKind kind) {
        SameDiff sd = SameDiff.create();
        SDVariable out = selfAttention(sd, random(11, 2, 4, 3), score, kind);
        assertGradientsCorrect(sd, out, 12);
    }

    @ParameterizedTest
    @EnumSource(ScoreFunction.class)
    void changingTheFutureLeavesEarlierOutputsUnchanged(ScoreFunction score) {
        INDArray x = random(21, 2, 4, 3);
        INDArray changed = x.dup();
        changed.get(NDArrayIndex.all(), NDArrayIndex.interval(2, 4), NDArrayIndex.all()).assign(random(22, 2, 2, 3));
        INDArray before = selfAttentionOutput(x, score, MaskKind.CAUSAL);
        INDArray after = selfAttentionOutput(changed, score, MaskKind.CAUSAL);
        assertTrue(firstSteps(before, 2).equalsWithEps(firstSteps(after, 2), 1e-12));
        assertFalse(before.equalsWithEps(after, 1e-6), "later outputs should see the change");
    }

    @ParameterizedTest
    @EnumSource(ScoreFunction.class)
    void paddedValuesDoNotChangeTheOutput(ScoreFunction score) {
        SameDiff sd = SameDiff.create();
        INDArray q = random(31, 2, 3, 3);
        INDArray kv = random(32, 2, 4, 3);
        INDArray kvChanged = kv.dup();
        kvChanged.get(NDArrayIndex.point(1), NDArrayIndex.interval(2, 4), NDArrayIndex.all()).assign(random(33, 2, 3));
        INDArray mask = Nd4j.create(new double[][]{{1, 1, 1, 1}, {1, 1, 0, 0}});
        INDArray a = crossAttention(q, kv, mask, score);
        INDArray b = crossAttention(q, kvChanged, mask, score);
        assertTrue(a.equalsWithEps(b, 1e-12));
    }

    @ParameterizedTest
    @EnumSource(ScoreFunction.class)
    void keysOutsideTheWindowGetZeroWeight(ScoreFunction score) {
        SameDiff sd = SameDiff.create();
        selfAttention(sd, random(41, 2, 4, 3), score, MaskKind.WINDOW);
        INDArray w = eval(sd, KeyValueAttention.weightsName("att"));
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                double wij = w.getDouble(0, i, j);
                if (Math.abs(i - j) > 1) {
                    assertEquals(0.0, wij, "weight of key " + j + " for query " + i);
                } else {
                    assertTrue(wij > 0, "weight of key " + j + " for query " + i);
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(ScoreFunction.class)
    void fullyMaskedRowsGiveZerosNotNaN(ScoreFunction score) {
        // Batch item 1 has no real key at all; with the causal mask, query 0 of item 0 only sees key 0, which is padded.
        SameDiff sd = SameDiff.create();
        SDVariable x = sd.var("x", random(51, 2, 3, 3));
        SDVariable mask = sd.constant("mask", Nd4j.create(new double[][]{{0, 1, 1}, {0, 0, 0}}));
        SDVariable out = KeyValueAttention.selfAttend(sd, "att", x, mask, AttentionConfig.of(score).withCausal(true), INIT);
        INDArray o = eval(sd, out.name());
        assertFalse(o.isNaN().any() || o.isInfinite().any());
        assertTrue(o.get(NDArrayIndex.point(1)).equalsWithEps(Nd4j.zeros(3, 3), 0));
        assertTrue(o.get(NDArrayIndex.point(0), NDArrayIndex.point(0)).equalsWithEps(Nd4j.zeros(3), 0));
        assertTrue(o.get(NDArrayIndex.point(0), NDArrayIndex.point(1)).norm2Number().doubleValue() > 0);
    }

    @Test
    void unknownScoreNamesListTheValidOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ScoreFunction.fromName("cosine"));
        assertEquals("score: unknown value 'cosine'; valid: dot, scaled_dot, additive, general", e.getMessage());
        assertEquals(ScoreFunction.SCALED_DOT, ScoreFunction.fromName("Scaled_Dot"));
    }

    @Test
    void wrongShapesNameExpectedAndActual() {
        SameDiff sd = SameDiff.create();
        SDVariable q = sd.var("q", random(1, 2, 3, 4));
        SDVariable k = sd.var("k", random(2, 2, 5, 3));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () ->
                KeyValueAttention.attend(sd, "att", q, k, k, null, AttentionConfig.of(ScoreFunction.DOT), INIT));
        assertEquals("keys: dot scores need queries and keys of the same size, got queries [.., 4] and keys [.., 3]",
                e.getMessage());
        SDVariable flat = sd.var("flat", random(3, 2, 4));
        e = assertThrows(IllegalArgumentException.class, () ->
                KeyValueAttention.selfAttend(sd, "att2", flat, null, AttentionConfig.of(ScoreFunction.DOT), INIT));
        assertEquals("queries has the wrong shape: expected [*, *, *] but was [2, 4]", e.getMessage());
    }

    private static INDArray selfAttentionOutput(INDArray x, ScoreFunction score, MaskKind kind) {
        SameDiff sd = SameDiff.create();
        return eval(sd, selfAttention(sd, x, score, kind).name());
    }

    private static INDArray crossAttention(INDArray q, INDArray kv, INDArray mask, ScoreFunction score) {
        SameDiff sd = SameDiff.create();
        SDVariable kvv = sd.var("kv", kv);
        SDVariable out = KeyValueAttention.attend(sd, "att", sd.var("q", q), kvv, kvv, sd.constant("mask", mask),
                AttentionConfig.of(score), INIT);
        return eval(sd, out.name());
    }

    private static INDArray firstSteps(INDArray x, int n) {
        return x.get(NDArrayIndex.all(), NDArrayIndex.interval(0, n), NDArrayIndex.all());
    }
}
