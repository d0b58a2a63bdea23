package org.attnlab.models.attention;

import static org.attnlab.models.GraphTesting.assertGradientsCorrect;
import static org.attnlab.models.GraphTesting.eval;
import static org.attnlab.models.GraphTesting.random;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.attnlab.models.GraphTesting;
import org.attnlab.models.init.ParamInit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The additive score's initialisation options set the values they document. */
class AdditiveInitTest {
    private static final int DQ = 40;
    private static final int DK = 30;
    private static final int HIDDEN = 50;

    @BeforeAll
    static void doublePrecision() {
        GraphTesting.useDoublePrecision();
    }

    /** Additive attention of 2 x 3 queries [DQ] over 2 x 4 keys [DK] (values [2]) with the given initialisation. */
    private static SameDiff attention(AdditiveInit init) {
        SameDiff sd = SameDiff.create();
        AttentionConfig cfg = AttentionConfig.of(ScoreFunction.ADDITIVE, HIDDEN).withAdditiveInit(init);
        KeyValueAttention.attend(sd, "att", sd.var("q", random(1, 2, 3, DQ)), sd.var("k", random(2, 2, 4, DK)),
                sd.var("v", random(3, 2, 4, 2)), null, cfg, new ParamInit(11));
        return sd;
    }

    private static INDArray value(SameDiff sd, String name) {
        return sd.getVariable("att/score/" + name).getArr();
    }

    @Test
    void xavierDrawsUniformValuesWithinTheGlorotBound() {
        SameDiff sd = attention(AdditiveInit.XAVIER);
        assertWithin(value(sd, "Wq"), Math.sqrt(6.0 / (DQ + HIDDEN)));
        assertWithin(value(sd, "Wk"), Math.sqrt(6.0 / (DK + HIDDEN)));
        assertWithin(value(sd, "v"), Math.sqrt(6.0 / (HIDDEN + 1)));
        assertEquals(attention(AdditiveInit.XAVIER).getVariable("att/score/Wq").getArr(), value(sd, "Wq"),
                "seeded: the same values on every build");
    }

    /** Uniform(-a, a): every value inside, and the sample spread near a / sqrt(3). */
    private static void assertWithin(INDArray w, double a) {
        assertTrue(w.amaxNumber().doubleValue() <= a, "max |w| " + w.amaxNumber() + " > " + a);
        double std = w.stdNumber().doubleValue();
        assertEquals(a / Math.sqrt(3), std, 0.15 * a / Math.sqrt(3), "sample std");
    }

    /** v is zero; W_q and W_k are Normal(0, 0.001^2): sample std within 10 % and mean within 4 s.e. of 0. */
    @Test
    void bahdanauSetsVToZeroAndSmallGaussianProjections() {
        SameDiff sd = attention(AdditiveInit.BAHDANAU);
        assertEquals(0.0, value(sd, "v").amaxNumber().doubleValue(), "v starts at zero");
        assertEquals(HIDDEN, value(sd, "v").length());
        for (String w : new String[]{"Wq", "Wk"}) {
            INDArray a = value(sd, w);
            double std = a.stdNumber().doubleValue();
            double se = AdditiveInit.BAHDANAU_STD / Math.sqrt(a.length());
            System.out.printf("bahdanau %s: %d values, std %.6f, mean %.2e (4 s.e. %.2e)%n", w, a.length(), std,
                    a.meanNumber().doubleValue(), 4 * se);
            assertEquals(AdditiveInit.BAHDANAU_STD, std, 0.1 * AdditiveInit.BAHDANAU_STD, w + " std");
            assertEquals(0.0, a.meanNumber().doubleValue(), 4 * se, w + " mean");
        }
    }

    /** With v = 0 every score is 0, so each query's weights are uniform over the keys: 1/4 here. */
    @Test
    void bahdanauStartsWithUniformWeights() {
        SameDiff sd = attention(AdditiveInit.BAHDANAU);
        INDArray weights = eval(sd, KeyValueAttention.weightsName("att"));
        assertEquals(0.0, weights.sub(0.25).amaxNumber().doubleValue(), 1e-15);
    }

    /** Gradient check in double at the Bahdanau starting point (v = 0: only v's gradient is non-zero). */
    @Test
    void gradientsAreCorrectAtTheBahdanauStart() {
        SameDiff sd = SameDiff.create();
        AttentionConfig cfg = AttentionConfig.of(ScoreFunction.ADDITIVE, 3).withAdditiveInit(AdditiveInit.BAHDANAU);
        SDVariable out = KeyValueAttention.attend(sd, "att", sd.var("q", random(1, 2, 2, 3)),
                sd.var("k", random(2, 2, 3, 4)), sd.var("v", random(3, 2, 3, 2)), null, cfg, new ParamInit(5));
        assertGradientsCorrect(sd, out, 9);
    }

    @Test
    void unknownNamesListTheValidOnes() {
        assertEquals(AdditiveInit.BAHDANAU, AdditiveInit.fromName(" Bahdanau"));
        assertEquals("additiveInit = glorot is not valid: valid names are xavier, bahdanau",
                assertThrows(IllegalArgumentException.class, () -> AdditiveInit.fromName("glorot")).getMessage());
    }
}
