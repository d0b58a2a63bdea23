package org.attnlab.models.attention;

import org.attnlab.models.support.ConfigChecks;
import org.attnlab.models.support.ConfigValueException;

/**
 * Multi-head attention settings.
 *
 * @param dModel    model (input and output) size
 * @param heads     number of heads; must divide {@code dModel}
 * @param attention per-head score function and masks
 * @param fused     prefer libnd4j's fused op where it applies (dot or scaled dot, no causal or window mask, no
 *                  biases, no attention dropout)
 * @param bias      add biases {@code bq, bk, bv, bo} to the four projections (as PyTorch's
 *                  {@code nn.MultiheadAttention} does by default)
 */
public record MultiHeadConfig(int dModel, int heads, AttentionConfig attention, boolean fused, boolean bias) {
    public MultiHeadConfig {
        ConfigChecks.positive("dModel", dModel);
        ConfigChecks.dividing("heads", heads, "dModel", dModel);
        ConfigChecks.present("attention", attention, "an AttentionConfig");
    }

    /** Size of one head. */
    public int headSize() {
        return dModel / heads;
    }

    /** True when this layer runs the fused libnd4j op. */
    public boolean usesFusedOp() {
        ScoreFunction s = attention.score();
        return fused && (s == ScoreFunction.DOT || s == ScoreFunction.SCALED_DOT) && !attention.hasPositionalMask()
                && !bias && attention.dropout() == 0.0;
    }
}
