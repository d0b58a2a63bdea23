package org.attnlab.models.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.attnlab.models.GraphTesting;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

class SequenceLossTest {
    /** A confident float32 prediction (logit gap 120) keeps finite log-probabilities and a finite loss. */
    @Test
    void staysFiniteForLargeLogitGapsInFloat32() {
        SameDiff sd = SameDiff.create();
        SDVariable logits = sd.var("logits", Nd4j.createFromArray(new float[][][]{{{0f, 50f, 120f}, {1f, 2f, 3f}}}));
        SDVariable labels = sd.constant(Nd4j.createFromArray(new float[][][]{{{0f, 0f, 1f}, {1f, 0f, 0f}}}));
        SDVariable mask = sd.constant(Nd4j.ones(DataType.FLOAT, 1, 2));
        SequenceLoss.logSoftmax(sd, logits, 2).rename("logp");
        SequenceLoss.maskedCrossEntropy(sd, "loss", logits, labels, mask);
        float[] logp = GraphTesting.eval(sd, "logp").reshape(6).toFloatVector();
        // By hand: row 1 is x - 120 (log(1 + e^-70 + e^-120) rounds to 0); row 2 is x - 3 - log(1 + e^-1 + e^-2).
        double lse = Math.log(1 + Math.exp(-1) + Math.exp(-2));
        assertArrayEquals(new float[]{-120f, -70f, 0f, (float) (-2 - lse), (float) (-1 - lse), (float) -lse}, logp,
                1e-5f);
        assertEquals((0 + 2 + lse) / 2, GraphTesting.eval(sd, "loss").getDouble(0), 1e-5);
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        GraphTesting.useDoublePrecision();
        SameDiff sd = SameDiff.create();
        SDVariable logits = sd.var("logits", GraphTesting.random(3, 2, 3, 5).muli(4));
        GraphTesting.assertGradientsCorrect(sd, SequenceLoss.logSoftmax(sd, logits, 2), 7);
    }
}
