package org.attnlab.experiments.kinds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Random;
import org.attnlab.datasets.iter.BatchArrays;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

class RawBatchesTest {
    /** One-hot [B, T, V] labels with some unlabelled (all-zero) positions. */
    private static INDArray oneHot(long seed) {
        Random r = new Random(seed);
        INDArray l = Nd4j.zeros(DataType.FLOAT, 3, 5, 7);
        for (int b = 0; b < 3; b++) {
            for (int t = 0; t < 5; t++) {
                if (r.nextInt(4) > 0) {
                    l.putScalar(new int[]{b, t, r.nextInt(7)}, 1f);
                }
            }
        }
        return l;
    }

    private static MultiDataSet raw(INDArray labels) {
        return new MultiDataSet(new INDArray[]{Nd4j.zeros(DataType.FLOAT, labels.size(0), 4)}, new INDArray[]{labels});
    }

    @Test
    void idsAndDecoderInputMatchTheirNd4jFormulas() {
        for (long seed = 0; seed < 5; seed++) {
            INDArray l = oneHot(seed);
            INDArray expected = l.argMax(2).castTo(DataType.FLOAT).muli(l.sum(2));
            assertEquals(expected, RawBatches.targetIds(raw(l)));
            INDArray shifted = Nd4j.valueArrayOf(expected.shape(), 9.0, DataType.FLOAT);
            shifted.get(NDArrayIndex.all(), NDArrayIndex.interval(1, 5))
                    .assign(expected.get(NDArrayIndex.all(), NDArrayIndex.interval(0, 4)));
            assertEquals(shifted, RawBatches.decoderInput(raw(l), 9));
            // the same labels in f order give the same ids
            assertEquals(expected, RawBatches.targetIds(raw(l.dup('f'))));
        }
    }

    @Test
    void reusedArraysHoldEachBatchsIdsAsNewOnesWould() {
        BatchArrays arrays = BatchArrays.reused(2);
        INDArray firstIds = null;
        for (long seed = 0; seed < 3; seed++) {
            MultiDataSet raw = raw(oneHot(seed));
            INDArray ids = RawBatches.targetIds(raw, arrays, 1);
            INDArray in = RawBatches.decoderInput(raw, 9, arrays, 0);
            assertEquals(RawBatches.targetIds(raw), ids);
            assertEquals(RawBatches.decoderInput(raw, 9), in);
            assertNotSame(ids, in);
            if (firstIds == null) {
                firstIds = ids;
            }
            assertSame(firstIds, ids, "the slot's array is overwritten, not made anew");
        }
        // a batch of another shape gets its own array
        MultiDataSet wider = raw(Nd4j.zeros(DataType.FLOAT, 2, 6, 7));
        INDArray other = RawBatches.targetIds(wider, arrays, 1);
        assertNotSame(firstIds, other);
        assertEquals(Nd4j.zeros(DataType.FLOAT, 2, 6), other);
    }

    @Test
    void idsByHand() {
        INDArray l = Nd4j.zeros(DataType.FLOAT, 1, 3, 4);
        l.putScalar(new int[]{0, 0, 2}, 1f);
        l.putScalar(new int[]{0, 2, 3}, 1f);
        assertEquals(Nd4j.createFromArray(new float[][]{{2, 0, 3}}), RawBatches.targetIds(raw(l)));
        assertEquals(Nd4j.createFromArray(new float[][]{{1, 2, 0}}), RawBatches.decoderInput(raw(l), 1));
    }
}
