package org.attnlab.datasets.iter;

import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Where an iterator's batch arrays come from, slot by slot (features, labels, masks): new arrays for every batch, or,
 * with {@link BatchOptions#reuseArrays}, the previous batch's arrays overwritten whenever a slot's shape repeats (its
 * float data staged in a kept Java array too), so that a batch makes no garbage.
 */
public final class BatchArrays {
    /** New arrays for every batch. */
    public static final BatchArrays NEW = new BatchArrays(false, 0);

    private final boolean reuse;
    private final INDArray[] arrays;
    private final float[][] staging;

    /** {@code slots} arrays per batch, reused when {@code reuse} holds. */
    BatchArrays(boolean reuse, int slots) {
        this.reuse = reuse;
        this.arrays = new INDArray[slots];
        this.staging = new float[slots][];
    }

    /**
     * {@code slots} arrays that a batch overwrites whenever a slot's shape repeats: each batch built from them is valid
     * until the next one.
     */
    public static BatchArrays reused(int slots) {
        return new BatchArrays(true, slots);
    }

    /** A zeroed float array of {@code length} to write the data of {@code slot} into. */
    public float[] data(int slot, int length) {
        if (!reuse) {
            return new float[length];
        }
        float[] d = staging[slot];
        if (d == null || d.length != length) {
            d = new float[length];
            staging[slot] = d;
        } else {
            Arrays.fill(d, 0f);
        }
        return d;
    }

    /** {@code data} (from {@link #data}) as the c-order float array {@code [rows, cols]} of {@code slot}. */
    public INDArray array(int slot, float[] data, long rows, long cols) {
        return array(slot, data, 2, rows, cols, 1);
    }

    /** {@code data} (from {@link #data}) as the c-order float array {@code [rows, cols, depth]} of {@code slot}. */
    public INDArray array(int slot, float[] data, long rows, long cols, long depth) {
        return array(slot, data, 3, rows, cols, depth);
    }

    /**
     * The slot's array overwritten when it has this shape (compared size by size, so that no shape array is made),
     * else a new one.
     */
    private INDArray array(int slot, float[] data, int rank, long rows, long cols, long depth) {
        INDArray a = reuse ? arrays[slot] : null;
        if (a != null && a.rank() == rank && a.size(0) == rows && a.size(1) == cols
                && (rank == 2 || a.size(2) == depth)) {
            a.data().setData(data);
            return a;
        }
        a = Nd4j.create(data, rank == 2 ? new long[]{rows, cols} : new long[]{rows, cols, depth}, 'c');
        if (reuse) {
            arrays[slot] = a;
        }
        return a;
    }
}
