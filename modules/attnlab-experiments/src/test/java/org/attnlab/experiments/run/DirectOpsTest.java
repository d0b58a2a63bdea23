package org.attnlab.experiments.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.functions.DifferentialFunction;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.Op;
import org.nd4j.linalg.api.ops.impl.scalar.RectifiedLinear;
import org.nd4j.linalg.api.ops.impl.scalar.ScalarMultiplication;
import org.nd4j.linalg.api.ops.impl.scalar.comparison.ScalarNotEquals;
import org.nd4j.linalg.api.ops.impl.transforms.custom.SoftMax;
import org.nd4j.linalg.api.ops.impl.transforms.same.Negative;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Exp;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Log;
import org.nd4j.linalg.api.ops.impl.scalar.Pow;
import org.nd4j.linalg.factory.Nd4j;

class DirectOpsTest {
    private static INDArray input() {
        return Nd4j.rand(DataType.FLOAT, 3, 4, 5).subi(0.5);
    }

    /** The bound call writes what ND4J's executioner writes for the same op, bit for bit. */
    private static void sameAsNd4j(Op op, INDArray x, INDArray z, INDArray expected) {
        Runnable direct = DirectOps.legacy((DifferentialFunction) op, List.of(x),
                new INDArray[]{z}, null);
        assertNotNull(direct, op.opName() + " should be bound");
        direct.run();
        assertEquals(expected.dataType(), z.dataType());
        assertArrayEquals(expected.data().asDouble(), z.data().asDouble(), 0.0, op.opName());
    }

    @Test
    void legacyTransformsAndScalarOpsComputeAsNd4jDoes() {
        INDArray x = input();
        INDArray abs = Nd4j.math().abs(x).addi(0.1);
        sameAsNd4j(new Exp(x), x, x.ulike(), Nd4j.exec(new Exp(x.dup())));
        sameAsNd4j(new Negative(x), x, x.ulike(), Nd4j.exec(new Negative(x.dup())));
        sameAsNd4j(new Log(abs), abs, abs.ulike(), Nd4j.exec(new Log(abs.dup())));
        sameAsNd4j(new Pow(abs, 1.7), abs, abs.ulike(), Nd4j.exec(new Pow(abs.dup(), 1.7)));
        sameAsNd4j(new ScalarMultiplication(x, 0.3), x, x.ulike(), Nd4j.exec(new ScalarMultiplication(x.dup(), 0.3)));
        sameAsNd4j(new RectifiedLinear(x, 0.0), x, x.ulike(), Nd4j.exec(new RectifiedLinear(x.dup(), 0.0)));
        INDArray bool = Nd4j.create(DataType.BOOL, x.shape());
        INDArray expected = Nd4j.create(DataType.BOOL, x.shape());
        Nd4j.exec(new ScalarNotEquals(x, expected, 0.0));
        sameAsNd4j(new ScalarNotEquals(x, bool, 0.0), x, bool, expected);
    }

    @Test
    void otherOpsAreLeftToNd4j() {
        INDArray x = input();
        assertNull(DirectOps.legacy(new SoftMax(x), List.of(x), new INDArray[]{x.ulike()}, null));
        assertNull(DirectOps.legacy(new Exp(x), List.of(x, x), new INDArray[]{x.ulike()}, null));
    }
}
