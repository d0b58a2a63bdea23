package org.attnlab.models.layers;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * Matrix products over the last axis of a tensor of any rank, written as reshape + 2-D matmul + reshape
 * (SameDiff M2.1's {@code tensorMmul} backward fails on such shapes). An ensemble's weight {@code w [E, d, n]}
 * multiplies each member's block of {@code x [E*B, ..., d]} (member-major, see
 * {@link org.attnlab.models.ensemble.MemberAxis}) in one batched matmul, with as many ops as a single model. Leading
 * sizes are read at run time, once per tensor ({@link DynamicShapes}). Each product flattens its input itself: one
 * flattening shared by several products would sum their gradients before the reshape back instead of after it and
 * change float32 results in the last bits.
 */
public final class Projections {
    private Projections() {
    }

    /** {@code x [..., d]} (rank {@code rank}) times {@code w [d, n]} gives {@code [..., n]}. */
    public static SDVariable last(SameDiff sd, SDVariable x, SDVariable w, int rank, long d, long n) {
        return affine(sd, x, w, null, rank, d, n);
    }

    /**
     * {@code x [..., d]} (rank {@code rank}) times {@code w [d, n]} plus {@code b [n]} (an ensemble's {@code [E, n]};
     * null for none) gives {@code [..., n]}; the bias is added before the product is reshaped back.
     */
    public static SDVariable affine(SameDiff sd, SDVariable x, SDVariable w, SDVariable b, int rank, long d, long n) {
        SDVariable y = product(sd, flat(sd, x, w, d), w, b);
        return sd.reshape(y, n == d ? DynamicShapes.of(sd, x) : DynamicShapes.replacingLast(sd, x, rank, n));
    }

    /**
     * {@code x [..., d]} flattened for a product with {@code w}: {@code [N, d]} for {@code w [d, n]},
     * {@code [E, N/E, d]} for an ensemble's {@code w [E, d, n]} (N the product of the leading sizes).
     */
    public static SDVariable flat(SameDiff sd, SDVariable x, SDVariable w, long d) {
        long[] wShape = w.getShape();
        boolean members = wShape != null && wShape.length == 3;
        return members ? sd.reshape(x, wShape[0], -1, d) : sd.reshape(x, -1, d);
    }

    /**
     * A flat {@code x} ({@link #flat}) times {@code w} plus {@code b} (null for none), still flat: {@code [N, n]} or
     * {@code [E, N/E, n]}.
     */
    public static SDVariable product(SameDiff sd, SDVariable flat, SDVariable w, SDVariable b) {
        SDVariable y = sd.mmul(flat, w);
        if (b == null) {
            return y;
        }
        long[] wShape = w.getShape();
        return y.add(wShape != null && wShape.length == 3 ? sd.expandDims(b, 1) : b);
    }
}
