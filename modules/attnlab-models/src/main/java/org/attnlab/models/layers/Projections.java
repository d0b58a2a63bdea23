package org.attnlab.models.layers;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Matrix products over the last axis of a tensor of any rank, written as reshape + 2-D matmul + reshape
 * (SameDiff M2.1's {@code tensorMmul} backward fails on such shapes). Leading sizes are read at run time.
 */
public final class Projections {
    private Projections() {
    }

    /**
     * {@code x [..., d]} times {@code w [d, n]} gives {@code [..., n]}. An ensemble's weight {@code w [E, d, n]}
     * multiplies each member's block of {@code x [E*B, ..., d]} (member-major, see
     * {@link org.attnlab.models.ensemble.MemberAxis}) in one batched matmul, with as many ops as a single model.
     */
    public static SDVariable last(SameDiff sd, SDVariable x, SDVariable w, int rank, long d, long n) {
        long[] wShape = w.getShape();
        SDVariable flat = wShape != null && wShape.length == 3 ? sd.reshape(x, wShape[0], -1, d) : sd.reshape(x, -1, d);
        return sd.reshape(sd.mmul(flat, w), leadingShape(sd, x, rank, n));
    }

    /** Splits the last axis of {@code x [..., a*b]} into {@code [..., a, b]}. */
    public static SDVariable splitLast(SameDiff sd, SDVariable x, int rank, long a, long b) {
        return sd.reshape(x, leadingShape(sd, x, rank, a, b));
    }

    /** Merges the last two axes of {@code x [..., a, b]} into {@code [..., a*b]}. */
    public static SDVariable mergeLast(SameDiff sd, SDVariable x, int rank, long a, long b) {
        return sd.reshape(x, leadingShape(sd, x, rank - 1, a * b));
    }

    /** The run-time shape of the first {@code rank - 1} axes of {@code x}, followed by the given sizes. */
    private static SDVariable leadingShape(SameDiff sd, SDVariable x, int rank, long... tail) {
        SDVariable lead = sd.slice(sd.shape(x).castTo(DataType.LONG), new int[]{0}, new int[]{rank - 1});
        return sd.concat(0, lead, sd.constant(Nd4j.createFromArray(tail)));
    }
}
