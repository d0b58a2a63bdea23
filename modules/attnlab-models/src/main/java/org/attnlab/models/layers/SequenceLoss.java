package org.attnlab.models.layers;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * Token-level cross-entropy for sequence outputs, written from {@code logSoftmax} so that a {@code [B, T]} mask can
 * weight positions (SameDiff M2.1's {@code softmaxCrossEntropy} backward rejects per-row weights of shape {@code [N, 1]}).
 */
public final class SequenceLoss {
    private SequenceLoss() {
    }

    /**
     * Mean over labelled positions of {@code -sum_v labels * log softmax(logits)}.
     *
     * @param logits {@code [B, T, V]}
     * @param labels {@code [B, T, V]} one-hot
     * @param mask   {@code [B, T]}, 1 = labelled position
     */
    public static SDVariable maskedCrossEntropy(SameDiff sd, String name, SDVariable logits, SDVariable labels,
                                                SDVariable mask) {
        SDVariable perPosition = labels.mul(sd.nn.logSoftmax(logits)).sum(2).neg();      // [B, T], over the last axis
        return sd.math.div(name, perPosition.mul(mask).sum(), mask.sum());
    }
}
