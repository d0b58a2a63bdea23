package org.attnlab.models.attention;

import java.util.Arrays;
import org.attnlab.models.layers.DynamicShapes;
import org.attnlab.models.layers.Projections;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * One block of hidden units of the additive score {@code v^T tanh(qh + kh)}: units {@code [start, start + size)}
 * give {@code sum_j v[j] tanh(qh[.., i, j] + kh[.., t, j])} over the block, {@code [.., Tq, Tk, 1]}. The whole score
 * is the sum of its blocks, so no array larger than {@code [.., Tq, Tk, size]} is built, forward or backward.
 */
final class AdditiveBlocks {
    private AdditiveBlocks() {
    }

    /**
     * @param qh    projected queries {@code [.., Tq, h]} (rank {@code rank})
     * @param kh    projected keys {@code [.., Tk, h]}
     * @param v     the output vector {@code [h, 1]}, or an ensemble's {@code [E, h, 1]}
     * @return {@code [.., Tq, Tk, 1]}
     */
    static SDVariable part(SameDiff sd, SDVariable qh, SDVariable kh, SDVariable v, int rank, int start, int size) {
        int last = rank - 1;
        long hidden = v.getShape()[v.getShape().length - 2];
        SDVariable q = size == hidden ? qh : lastAxis(sd, qh, rank, start, size);
        SDVariable k = size == hidden ? kh : lastAxis(sd, kh, rank, start, size);
        SDVariable act = sd.math.tanh(sd.expandDims(q, last).add(sd.expandDims(k, last - 1)));   // [..,Tq,Tk,size]
        if (size == hidden) {
            return Projections.last(sd, act, v, rank + 1, hidden, 1);
        }
        SDVariable flat = Projections.product(sd, Projections.flat(sd, act, v, size), outputRows(sd, v, start, size),
                null);
        return sd.reshape(flat, DynamicShapes.replacingLast(sd, act, rank + 1, 1));
    }

    /** {@code x[.., start:start+size]} of a tensor of rank {@code rank}. */
    private static SDVariable lastAxis(SameDiff sd, SDVariable x, int rank, int start, int size) {
        long[] begin = new long[rank];
        long[] end = new long[rank];
        long[] strides = new long[rank];
        Arrays.fill(strides, 1);
        begin[rank - 1] = start;
        end[rank - 1] = start + size;
        int allButLast = (1 << (rank - 1)) - 1;
        return sd.stridedSlice(x, begin, end, strides, allButLast, allButLast, 0, 0, 0);
    }

    /** Rows {@code [start, start + size)} of {@code v [h, 1]} or {@code [E, h, 1]}. */
    private static SDVariable outputRows(SameDiff sd, SDVariable v, int start, int size) {
        long[] shape = v.getShape();
        return shape.length == 3 ? sd.slice(v, new int[] {0, start, 0}, (int) shape[0], size, 1)
                : sd.slice(v, new int[] {start, 0}, size, 1);
    }
}
