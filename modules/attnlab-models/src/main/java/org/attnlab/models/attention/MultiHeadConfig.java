package org.attnlab.models.attention;

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
        if (dModel <= 0) {
            throw new IllegalArgumentException("dModel: must be > 0, was " + dModel);
        }
        if (heads <= 0 || dModel % heads != 0) {
            throw new IllegalArgumentException("heads: must be > 0 and divide dModel=" + dModel + ", was " + heads);
        }
        if (attention == null) {
            throw new IllegalArgumentException("attention: missing");
        }
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
