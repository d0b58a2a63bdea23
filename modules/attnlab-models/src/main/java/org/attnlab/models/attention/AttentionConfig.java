package org.attnlab.models.attention;

/**
 * What an attention layer computes: the score function, the additive MLP's hidden size, and the structural masks.
 *
 * @param score          score function
 * @param additiveHidden hidden size of the additive (MLP) score; must be positive when {@code score} is additive
 * @param causal         query i only sees keys j <= i (self-attention "future" mask)
 * @param window         local window: query i only sees keys j with |i - j| <= window; {@link #NO_WINDOW} for none
 */
public record AttentionConfig(ScoreFunction score, int additiveHidden, boolean causal, int window) {
    /** Window value meaning "no cropping". */
    public static final int NO_WINDOW = -1;

    public AttentionConfig {
        if (score == null) {
            throw new IllegalArgumentException("score: missing; valid names: " + ScoreFunction.validNames());
        }
        if (score == ScoreFunction.ADDITIVE && additiveHidden <= 0) {
            throw new IllegalArgumentException("additiveHidden: must be > 0 for the additive score, was " + additiveHidden);
        }
        if (window < NO_WINDOW) {
            throw new IllegalArgumentException("window: must be >= 0, or " + NO_WINDOW + " for none, was " + window);
        }
    }

    /** An unmasked attention with the given score (additive hidden size 16 where it applies). */
    public static AttentionConfig of(ScoreFunction score) {
        return new AttentionConfig(score, 16, false, NO_WINDOW);
    }

    /** A copy with the causal mask switched on or off. */
    public AttentionConfig withCausal(boolean causal) {
        return new AttentionConfig(score, additiveHidden, causal, window);
    }

    /** A copy with a local window of +-window keys. */
    public AttentionConfig withWindow(int window) {
        return new AttentionConfig(score, additiveHidden, causal, window);
    }

    /** True when a mask depends on positions (causal or window) rather than on the key padding alone. */
    public boolean hasPositionalMask() {
        return causal || window != NO_WINDOW;
    }
}
