package org.attnlab.models.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Map;
import org.attnlab.models.GraphTesting;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.internal.SameDiffOp;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The shift of a softmax: about the row maximum, and left out of the backward pass. */
class SoftmaxShiftTest {
    @Test
    void shiftsEachRowToAMaximumInMinusOneToOne() {
        SameDiff sd = SameDiff.create();
        SDVariable x = sd.constant(Nd4j.createFromArray(new float[][]{{0.5f, 2.75f, -1f}, {-1e9f, -1e9f + 128f, -3e9f}}));
        SoftmaxShift.shifted(sd, x, 1).rename("s");
        // By hand: row 1 shifted by trunc(2.75) = 2; row 2 by its maximum (an integer at this magnitude in float32).
        assertArrayEquals(new float[]{-1.5f, 0.75f, -3f, -128f, 0f, -2000000128f}, GraphTesting.eval(sd, "s").reshape(6)
                .toFloatVector(), 1e-6f);
    }

    /** d/dx sum(w * log softmax(x)) = w - softmax(x) * sum(w), with no reduce_max_bp in the gradient function. */
    @Test
    void logSoftmaxGradientMatchesItsClosedFormWithoutAMaxBackward() {
        GraphTesting.useDoublePrecision();
        SameDiff sd = SameDiff.create();
        INDArray xv = GraphTesting.random(11, 2, 4).muli(3);
        INDArray wv = GraphTesting.random(12, 2, 4);
        SDVariable x = sd.var("x", xv);
        SDVariable loss = SequenceLoss.logSoftmax(sd, x, 1).mul(sd.constant(wv)).sum();
        loss.markAsLoss();
        Map<String, INDArray> grads = sd.calculateGradients(Map.of(), "x");
        double[][] x0 = xv.toDoubleMatrix();
        double[][] w = wv.toDoubleMatrix();
        double[][] expected = new double[2][4];
        for (int r = 0; r < 2; r++) {
            double z = 0;
            double wsum = 0;
            for (int c = 0; c < 4; c++) {
                z += Math.exp(x0[r][c]);
                wsum += w[r][c];
            }
            for (int c = 0; c < 4; c++) {
                expected[r][c] = w[r][c] - Math.exp(x0[r][c]) / z * wsum;
            }
        }
        double[][] actual = grads.get("x").toDoubleMatrix();
        for (int r = 0; r < 2; r++) {
            assertArrayEquals(expected[r], actual[r], 1e-12, "row " + r);
        }
        for (SameDiffOp op : sd.getFunction("grad").getOps().values()) {
            assertFalse(op.getOp().opName().equals("reduce_max_bp"), "the backward pass differentiates the shift");
        }
    }
}
