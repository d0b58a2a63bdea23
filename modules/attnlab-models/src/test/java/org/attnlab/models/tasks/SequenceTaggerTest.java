package org.attnlab.models.tasks;

import static org.attnlab.models.GraphTesting.eval;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.attnlab.models.GraphTesting;
import org.attnlab.models.attention.AttentionConfig;
import org.attnlab.models.attention.MultiHeadAttention;
import org.attnlab.models.attention.ScoreFunction;
import org.attnlab.models.init.ParamInit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.validation.GradCheckUtil;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class SequenceTaggerTest {
    private static final SequenceTaggerConfig CFG =
            new SequenceTaggerConfig(4, 5, 4, 2, AttentionConfig.of(ScoreFunction.GENERAL), 0.0);

    @BeforeAll
    static void doublePrecision() {
        GraphTesting.useDoublePrecision();
    }

    /** tokens [2, 3] over 4 ids; the last position of item 1 is unlabelled (an all-zero label row). */
    private static SameDiff graph() {
        SameDiff sd = SameDiff.create();
        INDArray labels = Nd4j.zeros(2, 3, 4);
        int[][] targets = {{1, 2, 3}, {3, 0, -1}};
        for (int b = 0; b < 2; b++) {
            for (int t = 0; t < 3; t++) {
                if (targets[b][t] >= 0) {
                    labels.putScalar(new int[]{b, t, targets[b][t]}, 1.0);
                }
            }
        }
        SDVariable tokens = sd.constant(Nd4j.create(new double[][]{{3, 2, 1}, {1, 0, 2}}));
        SequenceTagger.build(sd, tokens, sd.constant(labels), CFG, new ParamInit(4));
        return sd;
    }

    @Test
    void gradientsAreCorrect() {
        assertTrue(GradCheckUtil.checkGradients(graph(), Map.of(), 1e-6, 1e-5, 1e-9, false, false));
    }

    @Test
    void lossIsTheMeanCrossEntropyOverLabelledPositions() {
        SameDiff sd = graph();
        INDArray probs = eval(sd, SequenceTagger.PROBS);
        double expected = -(Math.log(probs.getDouble(0, 0, 1)) + Math.log(probs.getDouble(0, 1, 2))
                + Math.log(probs.getDouble(0, 2, 3)) + Math.log(probs.getDouble(1, 0, 3))
                + Math.log(probs.getDouble(1, 1, 0))) / 5;
        assertEquals(expected, eval(sd, SequenceTagger.LOSS).getDouble(0), 1e-12);
        assertEquals(4, eval(sd, MultiHeadAttention.weightsName(SequenceTagger.ATTENTION)).rank());
    }

    @Test
    void badConfigValuesAreNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SequenceTaggerConfig(1, 5, 4, 2, AttentionConfig.of(ScoreFunction.DOT), 0.0));
        assertEquals("vocab: must be >= 2, was 1", e.getMessage());
    }
}
