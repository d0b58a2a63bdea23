package org.attnlab.models.ensemble;

import static org.attnlab.models.GraphTesting.assertGradientsCorrect;
import static org.attnlab.models.GraphTesting.random;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.attnlab.models.GraphTesting;
import org.attnlab.models.attention.AttentionConfig;
import org.attnlab.models.attention.ScoreFunction;
import org.attnlab.models.init.ParamInit;
import org.attnlab.models.layers.SequenceLoss;
import org.attnlab.models.tasks.SequenceTagger;
import org.attnlab.models.tasks.SequenceTaggerConfig;
import org.attnlab.models.transformer.DecoderLayer;
import org.attnlab.models.transformer.EncoderLayer;
import org.attnlab.models.transformer.TransformerConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.validation.GradCheckUtil;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Gradient checks in double precision of the ensemble graphs: two members, {@code [E*B, ...]} inputs. */
class EnsembleGradientTest {
    private static final long[] SEEDS = {3, 4};
    /** Two members of two items each; the second item of each member has a padded last key. */
    private static final INDArray MASK = Nd4j.create(new double[][]{{1, 1, 1}, {1, 1, 0}, {1, 1, 1}, {1, 1, 0}});

    @BeforeAll
    static void doublePrecision() {
        GraphTesting.useDoublePrecision();
    }

    private static ParamInit members() {
        return ParamInit.members(SEEDS, DataType.DOUBLE);
    }

    /** d=4, H=2, dFf=8, attention biases on, the given score. */
    private static TransformerConfig tiny(String norm, String score) {
        return new TransformerConfig(6, 6, 8, 1, 4, 2, 8, 0.0, norm, true, "learned", false, score, 0,
                0.0, 0.0, 3, true, 1e-5, false, 1.0, 1.0, "xavier");
    }

    @ParameterizedTest
    @CsvSource({"post, scaled_dot", "pre, general"})
    void encoderLayerGradientsAreCorrect(String norm, String score) {
        SameDiff sd = SameDiff.create();
        SDVariable x = sd.var("x", random(1, 4, 3, 4));
        SDVariable out = EncoderLayer.build(sd, "enc/0", x, sd.constant("mask", MASK), tiny(norm, score), members());
        assertGradientsCorrect(sd, out, 2);
    }

    @Test
    void decoderLayerGradientsAreCorrect() {
        SameDiff sd = SameDiff.create();
        SDVariable y = sd.var("y", random(3, 4, 3, 4));
        SDVariable memory = sd.var("memory", random(4, 4, 3, 4));
        SDVariable out = DecoderLayer.build(sd, "dec/0", y, memory, sd.constant("srcMask", MASK),
                sd.constant("tgtMask", MASK), tiny("pre", "scaled_dot"), members());
        assertGradientsCorrect(sd, out, 5);
    }

    /** The whole tagger (additive score) through its per-member loss; each member's loss is the mean over its own labelled rows. */
    @Test
    void taggerGradientsAreCorrect() {
        SameDiff sd = SameDiff.create();
        INDArray labels = Nd4j.zeros(4, 3, 4);
        int[][] targets = {{1, 2, 3}, {3, 0, -1}, {0, 0, 1}, {-1, -1, -1}};
        for (int b = 0; b < 4; b++) {
            for (int t = 0; t < 3; t++) {
                if (targets[b][t] >= 0) {
                    labels.putScalar(new int[]{b, t, targets[b][t]}, 1.0);
                }
            }
        }
        SDVariable tokens = sd.constant(Nd4j.create(new double[][]{{3, 2, 1}, {1, 0, 2}, {0, 1, 2}, {2, 2, 2}}));
        SequenceTaggerConfig cfg = new SequenceTaggerConfig(4, 3, 4, 2,
                AttentionConfig.of(ScoreFunction.ADDITIVE, 3), 0.0);
        SequenceTagger.build(sd, tokens, sd.constant(labels), cfg, members());
        assertTrue(GradCheckUtil.checkGradients(sd, Map.of(), 1e-6, 1e-5, 1e-9, false, false));

        INDArray probs = GraphTesting.eval(sd, SequenceTagger.PROBS);
        INDArray perMember = GraphTesting.eval(sd, SequenceLoss.membersName(SequenceTagger.LOSS));
        double first = -(Math.log(probs.getDouble(0, 0, 1)) + Math.log(probs.getDouble(0, 1, 2))
                + Math.log(probs.getDouble(0, 2, 3)) + Math.log(probs.getDouble(1, 0, 3))
                + Math.log(probs.getDouble(1, 1, 0))) / 5;
        double second = -(Math.log(probs.getDouble(2, 0, 0)) + Math.log(probs.getDouble(2, 1, 0))
                + Math.log(probs.getDouble(2, 2, 1))) / 3;
        assertEquals(first, perMember.getDouble(0), 1e-12);
        assertEquals(second, perMember.getDouble(1), 1e-12);
        assertEquals(first + second, GraphTesting.eval(sd, SequenceTagger.LOSS).getDouble(0), 1e-12);
    }
}
