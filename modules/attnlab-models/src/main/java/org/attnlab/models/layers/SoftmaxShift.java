package org.attnlab.models.layers;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The shift that keeps a softmax or log softmax finite: each row's maximum, rounded towards zero to an integer.
 * Softmax and log softmax do not change when a row is shifted, so no gradient flows through the shift; SameDiff would
 * still compute one (a {@code reduce_max_bp}, among the costliest ops of a small model's training step). Its gradient
 * function follows floating-point variables only, so the round trip through an integer type leaves the shift out of
 * the backward pass. After the shift a row's largest value lies in (-1, 1]: {@code exp} stays finite and the row's sum
 * of exponentials is at least e^-1.
 */
public final class SoftmaxShift {
    private SoftmaxShift() {
    }

    /**
     * {@code x} minus its shift over {@code axis}.
     *
     * @param x    any shape, floating point, finite values below 9.2e18 in magnitude
     * @param axis the softmax axis
     * @return the same shape as {@code x}
     */
    public static SDVariable shifted(SameDiff sd, SDVariable x, int axis) {
        return x.sub(sd.max(x, true, axis).castTo(DataType.INT64).castTo(x.dataType()));
    }
}
