package org.attnlab.models.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.junit.jupiter.api.Test;

/** Run-time shapes follow the fed batch, are built once per tensor, and add nothing to the backward pass. */
class DynamicShapesTest {
    @Test
    void shapesFollowTheFedSizes() {
        SameDiff sd = SameDiff.create();
        SDVariable x = sd.placeHolder("x", DataType.DOUBLE, -1, -1, 4);
        String[] names = {DynamicShapes.of(sd, x).name(), DynamicShapes.replacingLast(sd, x, 3, 2, 2).name(),
                DynamicShapes.tail(sd, x, 3).name(), DynamicShapes.appending(sd, x, 5).name()};
        long[][] shapes = {{2, 3, 4}, {5, 1, 4}};
        for (long[] s : shapes) {
            Map<String, INDArray> out = sd.output(Map.of("x", Nd4j.zeros(DataType.DOUBLE, s)), names);
            assertArrayEquals(s, out.get(names[0]).toLongVector());
            assertArrayEquals(new long[]{s[0], s[1], 2, 2}, out.get(names[1]).toLongVector());
            assertArrayEquals(new long[]{s[1], s[2]}, out.get(names[2]).toLongVector());
            assertArrayEquals(new long[]{s[0], s[1], s[2], 5}, out.get(names[3]).toLongVector());
        }
    }

    @Test
    void eachShapeIsBuiltOncePerTensor() {
        SameDiff sd = SameDiff.create();
        SDVariable x = sd.placeHolder("x", DataType.DOUBLE, -1, -1, 4);
        SDVariable first = DynamicShapes.replacingLast(sd, x, 3, 2, 2);
        int ops = sd.getOps().size();
        assertSame(first, DynamicShapes.replacingLast(sd, x, 3, 2, 2));
        DynamicShapes.replacingLast(sd, x, 3, 8);                     // shares shape_of and the leading slice
        assertEquals(ops + 1, sd.getOps().size(), "only the new concat is added");
    }

    @Test
    void aReshapeToTheShapeOfATrainedTensorAddsNoZerosToTheBackwardPass() {
        assertTrue(zerosLikeOps(false) > 0, "control: shape_of fed straight into the reshape is differentiated");
        assertEquals(0, zerosLikeOps(true), "zeros-like gradients in the backward graph");
    }

    /** {@code zeroslike} ops in the gradient function of a loss reshaped to the shape of a trained tensor. */
    private static long zerosLikeOps(boolean dynamicShapes) {
        SameDiff sd = SameDiff.create();
        SDVariable x = sd.placeHolder("x", DataType.DOUBLE, -1, -1, 4);
        SDVariable w = sd.var("w", Nd4j.ones(DataType.DOUBLE, 4, 4));
        SDVariable h = sd.mmul(sd.reshape(x, -1, 4), w);                                      // [B*T, 4]
        SDVariable shape = dynamicShapes ? DynamicShapes.of(sd, h) : sd.shape(h);
        sd.setLossVariables(sd.sum("loss", sd.reshape(h.mul(h), shape)));
        sd.createGradFunction();
        return sd.getFunction("grad").getOps().values().stream()
                .filter(op -> op.getOp().opName().equals("zeroslike")).count();
    }
}
