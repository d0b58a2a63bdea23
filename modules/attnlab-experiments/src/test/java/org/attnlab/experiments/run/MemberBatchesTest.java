package org.attnlab.experiments.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;

class MemberBatchesTest {
    /** A member's batch of 2 examples: features [2, 3, 4], labels [2, 3], a feature mask [2, 3]; values from seed. */
    private static MultiDataSet batch(int seed, DataType labels) {
        INDArray f = Nd4j.rand(DataType.FLOAT, 2, 3, 4).addi(seed);
        INDArray l = Nd4j.rand(DataType.FLOAT, 2, 3).muli(10).addi(seed).castTo(labels);
        INDArray m = Nd4j.ones(DataType.FLOAT, 2, 3).muli(seed % 2);
        return new MultiDataSet(new INDArray[]{f}, new INDArray[]{l}, new INDArray[]{m}, null);
    }

    @Test
    void joinsEqualConcatenationAndReusesTheArraysWhenShapesRepeat() {
        MemberBatches join = new MemberBatches(List.of());
        INDArray[] firstFeatures = null;
        for (int round = 0; round < 3; round++) {
            List<org.nd4j.linalg.dataset.api.MultiDataSet> own = List.of(
                    batch(3 * round, DataType.INT32), batch(3 * round + 1, DataType.INT32),
                    batch(3 * round + 2, DataType.INT32));
            org.nd4j.linalg.dataset.api.MultiDataSet joined = join.join(own);
            assertEquals(Nd4j.concat(0, own.get(0).getFeatures(0), own.get(1).getFeatures(0), own.get(2).getFeatures(0)),
                    joined.getFeatures(0));
            assertEquals(Nd4j.concat(0, own.get(0).getLabels(0), own.get(1).getLabels(0), own.get(2).getLabels(0)),
                    joined.getLabels(0));
            assertEquals(DataType.INT32, joined.getLabels(0).dataType());
            assertEquals(Nd4j.concat(0, own.get(0).getFeaturesMaskArray(0), own.get(1).getFeaturesMaskArray(0),
                    own.get(2).getFeaturesMaskArray(0)), joined.getFeaturesMaskArray(0));
            assertNull(joined.getLabelsMaskArrays());
            if (firstFeatures == null) {
                firstFeatures = joined.getFeatures();
            } else {
                assertSame(firstFeatures[0], joined.getFeatures(0), "round " + round + " reuses the joined features");
            }
        }
    }

    @Test
    void makesNewArraysWhenTheShapeOrTypeChanges() {
        MemberBatches join = new MemberBatches(List.of());
        INDArray labels = join.join(List.of(batch(0, DataType.FLOAT), batch(1, DataType.FLOAT))).getLabels(0);
        INDArray ints = join.join(List.of(batch(2, DataType.INT32), batch(3, DataType.INT32))).getLabels(0);
        assertTrue(labels != ints && ints.dataType() == DataType.INT32);
        List<org.nd4j.linalg.dataset.api.MultiDataSet> three = List.of(batch(4, DataType.INT32),
                batch(5, DataType.INT32), batch(6, DataType.INT32));
        INDArray joined = join.join(three).getLabels(0);
        assertTrue(joined != ints, "three members' labels need a larger array");
        assertEquals(Nd4j.concat(0, three.get(0).getLabels(0), three.get(1).getLabels(0), three.get(2).getLabels(0)),
                joined);
    }

    @Test
    void refusesMembersWhoseBatchesDifferInShape() {
        MemberBatches join = new MemberBatches(List.of());
        MultiDataSet small = new MultiDataSet(Nd4j.zeros(DataType.FLOAT, 1, 3, 4), Nd4j.zeros(DataType.FLOAT, 1, 3));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> join.join(List.of(batch(0, DataType.FLOAT), small)));
        assertTrue(e.getMessage().contains("differ in shape") && e.getMessage().contains("training.ensemble: 1"),
                e.getMessage());
    }
}
