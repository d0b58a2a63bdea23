package org.attnlab.models.attention;

import org.attnlab.models.dropout.Dropout;

/**
 * What an attention layer computes: the score function, the additive MLP's hidden size, the structural masks, and
 * the dropout rate on its weights.
 *
 * @param score          score function
 * @param additiveHidden hidden size of the additive (MLP) score; must be positive when {@code score} is additive
 * @param causal         query i only sees keys j <= i (self-attention "future" mask)
 * @param window         local window: query i only sees keys j with |i - j| <= window; {@link #NO_WINDOW} for none
 * @param dropout        dropout rate on the attention weights during training, in {@code [0, 1)} (see
 *                       {@link org.attnlab.models.dropout.Dropout}); the weights output stays undropped
 * @param additiveInit   initial values of the additive score's parameters ({@link AdditiveInit#XAVIER} by default)
 */
public record AttentionConfig(ScoreFunction score, int additiveHidden, boolean causal, int window, double dropout,
                              AdditiveInit additiveInit) {
    /** Window value meaning "no cropping". */
    public static final int NO_WINDOW = -1;
    /** Hidden size of the additive score when none is given. */
    public static final int DEFAULT_ADDITIVE_HIDDEN = 16;

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
        Dropout.checkRate("attention dropout", dropout);
        if (additiveInit == null) {
            throw new IllegalArgumentException("additiveInit: missing; valid names: " + AdditiveInit.validNames());
        }
    }

    /** Settings with Xavier-initialised additive scores. */
    public AttentionConfig(ScoreFunction score, int additiveHidden, boolean causal, int window, double dropout) {
        this(score, additiveHidden, causal, window, dropout, AdditiveInit.XAVIER);
    }

    /** An unmasked attention with the given score, additive hidden size {@value #DEFAULT_ADDITIVE_HIDDEN}, no dropout. */
    public static AttentionConfig of(ScoreFunction score) {
        return of(score, DEFAULT_ADDITIVE_HIDDEN);
    }

    /** An unmasked attention without dropout with the given score and additive hidden size. */
    public static AttentionConfig of(ScoreFunction score, int additiveHidden) {
        return new AttentionConfig(score, additiveHidden, false, NO_WINDOW, 0.0);
    }

    /** A copy with the causal mask switched on or off. */
    public AttentionConfig withCausal(boolean causal) {
        return new AttentionConfig(score, additiveHidden, causal, window, dropout, additiveInit);
    }

    /** A copy with a local window of +-window keys. */
    public AttentionConfig withWindow(int window) {
        return new AttentionConfig(score, additiveHidden, causal, window, dropout, additiveInit);
    }

    /** A copy with another dropout rate on the attention weights. */
    public AttentionConfig withDropout(double dropout) {
        return new AttentionConfig(score, additiveHidden, causal, window, dropout, additiveInit);
    }

    /** A copy with other initial values of the additive score. */
    public AttentionConfig withAdditiveInit(AdditiveInit additiveInit) {
        return new AttentionConfig(score, additiveHidden, causal, window, dropout, additiveInit);
    }

    /** True when a mask depends on positions (causal or window) rather than on the key padding alone. */
    public boolean hasPositionalMask() {
        return causal || window != NO_WINDOW;
    }
}
