package org.attnlab.experiments.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Arrays of one layout share memory exactly when their lifetimes do not overlap. */
class ArrayPlanTest {
    @Test
    void arraysShareOnlyWhenTheirLifetimesDoNotOverlap() {
        INDArray a = Nd4j.create(DataType.FLOAT, 4, 3);  // ops 0-2
        INDArray b = Nd4j.create(DataType.FLOAT, 4, 3);  // ops 1-1: overlaps a
        INDArray c = Nd4j.create(DataType.FLOAT, 4, 3);  // ops 3-4: after a and b
        INDArray d = Nd4j.create(DataType.DOUBLE, 4, 3); // ops 5-5: after all, but another type
        INDArray e = Nd4j.create(DataType.FLOAT, 3, 4);  // ops 5-5: after all, but another shape
        ArrayPlan plan = new ArrayPlan();
        plan.define(a, 0);
        plan.define(b, 1);
        plan.use(a, 2);
        plan.define(c, 3);
        plan.use(c, 4);
        plan.define(d, 5);
        plan.define(e, 5);
        Map<INDArray, INDArray> placed = plan.allocate();

        assertNotSame(placed.get(a), placed.get(b));
        assertSame(placed.get(a), placed.get(c), "c starts after a ends (and after b)");
        assertNotSame(placed.get(c), placed.get(d));
        assertNotSame(placed.get(c), placed.get(e));
        assertArrayEquals(new long[] {3, 4}, placed.get(e).shape());
        assertEquals(DataType.DOUBLE, placed.get(d).dataType());
        assertEquals((12 + 12 + 12) * 4L + 12 * 8L, plan.bytes(), "a/c, b, e in float32 and d in float64");
    }
}
