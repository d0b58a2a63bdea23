package org.attnlab.models.attention;

import org.attnlab.models.layers.SoftmaxShift;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Builds the "keep" mask (1 = attend, 0 = masked) from a key padding mask and the positional masks of an
 * {@link AttentionConfig}, and applies it as a masked softmax. Positions come from the runtime sequence lengths,
 * so one graph serves every length.
 */
final class AttentionMasks {
    /** Added to the scores of masked keys before the softmax. */
    static final double MASKED_SCORE = -1e9;

    private AttentionMasks() {
    }

    /**
     * @param scores  {@code [..., Tq, Tk]} scores of rank {@code rank}
     * @param keyMask {@code [B, Tk]} key padding mask (1 = real key) or null
     * @return the keep mask, broadcastable to the scores, or null when nothing is masked
     */
    static SDVariable keep(SameDiff sd, SDVariable scores, SDVariable keyMask, AttentionConfig cfg, int rank) {
        SDVariable keep = null;
        if (cfg.hasPositionalMask()) {
            keep = positional(sd, scores, cfg, rank);
        }
        if (keyMask != null) {
            SDVariable km = keyMask.castTo(scores.dataType());
            for (int axis = 1; axis < rank - 1; axis++) {
                km = sd.expandDims(km, 1); // [B, 1, (1,) Tk]
            }
            keep = keep == null ? km : keep.mul(km);
        }
        return keep;
    }

    /**
     * softmax over keys of the kept scores, times the keep mask, so a row with no kept key is all zeros.
     * The row's shift ({@link SoftmaxShift}, about its maximum) is subtracted first: libnd4j M2.1's softmax returns NaN
     * for a row whose values are all large and negative, as a fully masked row is.
     */
    static SDVariable maskedSoftmax(SameDiff sd, String name, SDVariable scores, SDVariable keep, int rank) {
        if (keep == null) {
            return sd.nn.softmax(name, scores, rank - 1);
        }
        SDVariable penalised = scores.add(keep.rsub(1.0).mul(MASKED_SCORE));
        SDVariable shifted = SoftmaxShift.shifted(sd, penalised, rank - 1);
        return sd.math.mul(name, sd.nn.softmax(shifted, rank - 1), keep);
    }

    private static SDVariable positional(SameDiff sd, SDVariable scores, AttentionConfig cfg, int rank) {
        DataType dt = scores.dataType();
        SDVariable zero = sd.constant(0.0).castTo(dt);
        SDVariable one = sd.constant(1.0).castTo(dt);
        SDVariable tq = sd.sizeAt(scores, rank - 2).castTo(dt);
        SDVariable tk = sd.sizeAt(scores, rank - 1).castTo(dt);
        SDVariable iq = sd.expandDims(sd.range(zero, tq, one, dt), 1); // [Tq, 1]
        SDVariable ik = sd.expandDims(sd.range(zero, tk, one, dt), 0); // [1, Tk]
        SDVariable offset = iq.sub(ik);                                  // i - j
        SDVariable keep = null;
        if (cfg.causal()) {
            keep = sd.gte(offset, 0.0).castTo(dt);
        }
        if (cfg.window() != AttentionConfig.NO_WINDOW) {
            SDVariable inWindow = sd.lte(sd.math.abs(offset), (double) cfg.window()).castTo(dt);
            keep = keep == null ? inWindow : keep.mul(inWindow);
        }
        return keep;
    }
}
