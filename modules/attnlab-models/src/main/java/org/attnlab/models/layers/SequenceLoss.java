package org.attnlab.models.layers;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * Token-level cross-entropy for sequence outputs with a {@code [B, T]} mask over positions. Written from plain ops:
 * SameDiff M2.1's {@code softmaxCrossEntropy} backward rejects per-row weights of shape {@code [N, 1]}, and its
 * {@code logSoftmax} with an explicit axis fails inside {@code sd.fit} ("Error setting property ... Integer.values()").
 */
public final class SequenceLoss {
    private SequenceLoss() {
    }

    /**
     * Mean over unmasked positions of {@code -sum_v labels * log softmax(logits)}; 0 when every position is masked.
     *
     * @param logits {@code [B, T, V]}
     * @param labels {@code [B, T, V]} one-hot
     * @param mask   {@code [B, T]}, 1 = scored position
     */
    public static SDVariable maskedCrossEntropy(SameDiff sd, String name, SDVariable logits, SDVariable labels,
                                                SDVariable mask) {
        SDVariable count = sd.math.max(mask.sum(), sd.constant(1.0).castTo(mask.dataType()));
        return sd.math.div(name, perPosition(sd, logits, labels).mul(mask).sum(), count);
    }

    /**
     * The ensemble form of {@link #maskedCrossEntropy}: inputs fold E members into the batch axis (member-major,
     * {@code [E*B, T, V]} and mask {@code [E*B, T]}); each member's mean is taken over its own unmasked positions.
     * The per-member losses {@code [E]} are the output {@code name + "/members"}; the returned loss {@code name} is
     * their sum, so each member's gradient is that of its own loss.
     */
    public static SDVariable memberCrossEntropy(SameDiff sd, String name, SDVariable logits, SDVariable labels,
                                                SDVariable mask, int members) {
        SDVariable masked = sd.reshape(perPosition(sd, logits, labels).mul(mask), members, -1).sum(1);   // [E]
        SDVariable count = sd.math.max(sd.reshape(mask, members, -1).sum(1),
                sd.constant(1.0).castTo(mask.dataType()));
        return sd.sum(name, sd.math.div(membersName(name), masked, count));
    }

    /** Name of the per-member losses {@code [E]} of {@link #memberCrossEntropy}. */
    public static String membersName(String loss) {
        return loss + "/members";
    }

    /** {@code [B, T]}: {@code -sum_v labels * log softmax(logits)}. */
    private static SDVariable perPosition(SameDiff sd, SDVariable logits, SDVariable labels) {
        return labels.mul(logSoftmax(sd, logits, 2)).sum(2).neg();
    }

    /**
     * {@code log softmax} over {@code axis} (e.g. 2 of {@code [B, T, V]}, 1 of {@code [B, classes]}), written out as
     * {@code s - log(sum(exp(s)))} with {@code s} the logits shifted by about their row maximum ({@link SoftmaxShift}),
     * so it stays finite for any logit gap. libnd4j M2.1's fused
     * {@code log_softmax} returns -inf once a class's probability underflows (a logit gap above ~100 in float32),
     * and the loss {@code 0 * -inf} of a non-target class is NaN: confident models then fail mid-run.
     */
    public static SDVariable logSoftmax(SameDiff sd, SDVariable logits, int axis) {
        SDVariable shifted = SoftmaxShift.shifted(sd, logits, axis);
        return shifted.sub(sd.math.log(sd.sum(sd.math.exp(shifted), true, axis)));
    }
}
