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

/**
 * Arrays of one type, order and length share memory exactly when their lifetimes do not overlap; an alias is its
 * source's memory.
 */
class ArrayPlanTest {
    @Test
    void arraysShareOnlyWhenTheirLifetimesDoNotOverlap() {
        INDArray a = Nd4j.create(DataType.FLOAT, 4, 3);  // ops 0-2
        INDArray b = Nd4j.create(DataType.FLOAT, 4, 3);  // ops 1-1: overlaps a
        INDArray c = Nd4j.create(DataType.FLOAT, 4, 3);  // ops 3-4: after a and b
        INDArray d = Nd4j.create(DataType.DOUBLE, 4, 3); // ops 5-5: after all, but another type
        INDArray e = Nd4j.create(DataType.FLOAT, 3, 4);  // ops 5-6: after a, b and c, in another shape
        INDArray f = Nd4j.create(DataType.FLOAT, 2, 3);  // ops 6-6: after b, but another length
        ArrayPlan plan = new ArrayPlan();
        plan.define(a, 0);
        plan.define(b, 1);
        plan.use(a, 2);
        plan.define(c, 3);
        plan.use(c, 4);
        plan.define(d, 5);
        plan.define(e, 5);
        plan.use(e, 6);
        plan.define(f, 6);
        Map<INDArray, INDArray> placed = plan.allocate();

        assertNotSame(placed.get(a), placed.get(b));
        assertSame(placed.get(a), placed.get(c), "c starts after a ends (and after b)");
        assertNotSame(placed.get(c), placed.get(d));
        assertArrayEquals(new long[] {3, 4}, placed.get(e).shape());
        placed.get(e).putScalar(1, 0, 7f);
        assertEquals(7f, placed.get(c).getFloat(1, 1), "e starts after c ends: c's memory in e's shape (element 4)");
        placed.get(f).assign(5f);
        assertEquals(0f, placed.get(b).sumNumber().floatValue(), "f has its own memory: b's length differs");
        assertArrayEquals(new long[] {2, 3}, placed.get(f).shape());
        assertEquals(DataType.DOUBLE, placed.get(d).dataType());
        assertEquals((12 + 12 + 6) * 4L + 12 * 8L, plan.bytes(), "a/c/e, b and f in float32, d in float64");
    }

    @Test
    void anAliasIsItsSourcesBufferAndKeepsItAlive() {
        INDArray source = Nd4j.create(DataType.FLOAT, 4, 3); // ops 0-1
        INDArray view = Nd4j.create(DataType.FLOAT, 2, 6);   // ops 1-4, an alias of source
        INDArray later = Nd4j.create(DataType.FLOAT, 4, 3);  // ops 3-3: after source, while view lives
        INDArray last = Nd4j.create(DataType.FLOAT, 12);     // ops 5-5: after both
        ArrayPlan plan = new ArrayPlan();
        plan.define(source, 0);
        plan.use(source, 1);
        plan.define(view, 1);
        plan.use(view, 4);
        plan.define(later, 3);
        plan.define(last, 5);
        plan.alias(view, source);
        Map<INDArray, INDArray> placed = plan.allocate();

        assertEquals(4, plan.lastUse(source), "the source lives as long as its alias");
        placed.get(source).putScalar(1, 0, 3f);
        assertArrayEquals(new long[] {2, 6}, placed.get(view).shape());
        assertEquals(3f, placed.get(view).getFloat(0, 3), "the view reads the source's element 3");
        assertNotSame(placed.get(source), placed.get(later));
        placed.get(later).assign(1f);
        assertEquals(3f, placed.get(view).sumNumber().floatValue(), "later has its own memory");
        placed.get(last).assign(2f);
        assertEquals(24f, placed.get(view).sumNumber().floatValue(), "last reuses the buffer after the view ends");
        assertEquals((12 + 12) * 4L, plan.bytes(), "source/view/last and later");
    }
}
