package org.attnlab.models.attention;

import org.attnlab.models.support.ConfigChecks;
import org.attnlab.models.support.ConfigValueException;

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
 * @param additiveBlock  hidden units of the additive score computed together; {@link #WHOLE_HIDDEN} (the default)
 *                       computes all of them at once. A block of {@code b} units holds {@code [.., Tq, Tk, b]} arrays
 *                       instead of {@code [.., Tq, Tk, hidden]}, and the score sums the blocks' parts (so its floats
 *                       can differ from the whole computation's in the last bits)
 */
public record AttentionConfig(ScoreFunction score, int additiveHidden, boolean causal, int window, double dropout,
                              AdditiveInit additiveInit, int additiveBlock) {
    /** Window value meaning "no cropping". */
    public static final int NO_WINDOW = -1;
    /** Block size meaning "the whole hidden layer at once". */
    public static final int WHOLE_HIDDEN = 0;
    /** Hidden size of the additive score when none is given. */
    public static final int DEFAULT_ADDITIVE_HIDDEN = 16;

    public AttentionConfig {
        ConfigChecks.present("score", score, ScoreFunction.validNames());
        if (score == ScoreFunction.ADDITIVE) {
            ConfigChecks.positive("additiveHidden", additiveHidden);
        }
        if (window < NO_WINDOW) {
            throw new ConfigValueException("window", "must be >= 0, or " + NO_WINDOW + " for none, was " + window);
        }
        ConfigChecks.rate("attentionDropout", dropout);
        ConfigChecks.present("additiveInit", additiveInit, AdditiveInit.validNames());
        if (additiveBlock < WHOLE_HIDDEN) {
            throw new ConfigValueException("additiveBlock", "must be >= 1, or " + WHOLE_HIDDEN
                    + " for the whole hidden layer at once, was " + additiveBlock);
        }
    }

    /** Settings with Xavier-initialised additive scores. */
    public AttentionConfig(ScoreFunction score, int additiveHidden, boolean causal, int window, double dropout) {
        this(score, additiveHidden, causal, window, dropout, AdditiveInit.XAVIER, WHOLE_HIDDEN);
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
        return new AttentionConfig(score, additiveHidden, causal, window, dropout, additiveInit, additiveBlock);
    }

    /** A copy with a local window of +-window keys. */
    public AttentionConfig withWindow(int window) {
        return new AttentionConfig(score, additiveHidden, causal, window, dropout, additiveInit, additiveBlock);
    }

    /** A copy with another dropout rate on the attention weights. */
    public AttentionConfig withDropout(double dropout) {
        return new AttentionConfig(score, additiveHidden, causal, window, dropout, additiveInit, additiveBlock);
    }

    /** A copy with other initial values of the additive score. */
    public AttentionConfig withAdditiveInit(AdditiveInit additiveInit) {
        return new AttentionConfig(score, additiveHidden, causal, window, dropout, additiveInit, additiveBlock);
    }

    /** A copy whose additive score is computed {@code additiveBlock} hidden units at a time. */
    public AttentionConfig withAdditiveBlock(int additiveBlock) {
        return new AttentionConfig(score, additiveHidden, causal, window, dropout, additiveInit, additiveBlock);
    }

    /** True when a mask depends on positions (causal or window) rather than on the key padding alone. */
    public boolean hasPositionalMask() {
        return causal || window != NO_WINDOW;
    }
}
