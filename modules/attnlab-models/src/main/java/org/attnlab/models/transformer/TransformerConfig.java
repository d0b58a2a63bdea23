package org.attnlab.models.transformer;

import static org.attnlab.models.support.ConfigChecks.inRange;
import static org.attnlab.models.support.ConfigChecks.oneOf;
import static org.attnlab.models.support.ConfigChecks.positive;

import org.attnlab.models.attention.AttentionConfig;
import org.attnlab.models.attention.ScoreFunction;

/**
 * An encoder-decoder Transformer, one plain value per key so experiments switch each choice by name.
 *
 * @param srcVocab         source token ids {@code [0, srcVocab)}
 * @param tgtVocab         target token ids {@code [0, tgtVocab)}
 * @param maxLen           longest source or target sequence (size of the position tables)
 * @param layers           encoder layers, and as many decoder layers
 * @param dModel           model size
 * @param heads            attention heads; must divide {@code dModel}
 * @param dFf              hidden size of the position-wise feed-forward network
 * @param dropout          must be 0: SameDiff 1.0.0-M2.1's dropout op has no training/inference switch, so it would
 *                         also drop at evaluation and decoding
 * @param norm             layer-norm placement: {@code post} or {@code pre} (see {@link NormPlacement})
 * @param residual         residual connections around every sublayer (off for the "no residual" ablation)
 * @param positional       {@code sinusoidal}, {@code learned} or {@code none} (see {@link PositionalKind})
 * @param sharedEmbeddings one token table for source and target (needs {@code srcVocab == tgtVocab})
 * @param score            attention score function name, see {@link ScoreFunction#validNames()}
 * @param padId            the padding token id: masked as a key and ignored by the loss
 */
public record TransformerConfig(int srcVocab, int tgtVocab, int maxLen, int layers, int dModel, int heads, int dFf,
                                double dropout, String norm, boolean residual, String positional,
                                boolean sharedEmbeddings, String score, int padId) {
    public TransformerConfig {
        inRange("srcVocab", srcVocab, 2, Integer.MAX_VALUE);
        inRange("tgtVocab", tgtVocab, 2, Integer.MAX_VALUE);
        positive("maxLen", maxLen);
        positive("layers", layers);
        positive("dModel", dModel);
        positive("heads", heads);
        if (dModel % heads != 0) {
            throw new IllegalArgumentException("heads = " + heads + " is not valid: must divide dModel = " + dModel);
        }
        positive("dFf", dFf);
        if (dropout != 0.0) {
            throw new IllegalArgumentException("dropout = " + dropout + " is not supported: valid value is 0 "
                    + "(SameDiff 1.0.0-M2.1 dropout would also drop at inference)");
        }
        oneOf("norm", norm, NormPlacement.class);
        oneOf("positional", positional, PositionalKind.class);
        if (sharedEmbeddings && srcVocab != tgtVocab) {
            throw new IllegalArgumentException("sharedEmbeddings = true is not valid with srcVocab = " + srcVocab
                    + " != tgtVocab = " + tgtVocab);
        }
        try {
            ScoreFunction.fromName(score);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("score = " + score + " is not valid: valid names are "
                    + ScoreFunction.validNames(), e);
        }
        inRange("padId", padId, 0, Math.min(srcVocab, tgtVocab) - 1);
    }

    /** Defaults of the base model's shape at a small size: post-LN, residuals, sinusoidal, scaled dot, pad 0. */
    public static TransformerConfig small(int vocab, int maxLen, int layers, int dModel, int heads, int dFf) {
        return new TransformerConfig(vocab, vocab, maxLen, layers, dModel, heads, dFf, 0.0, "post", true,
                "sinusoidal", false, "scaled_dot", 0);
    }

    /** A copy with another norm placement ({@code post}/{@code pre}). */
    public TransformerConfig withNorm(String norm) {
        return new TransformerConfig(srcVocab, tgtVocab, maxLen, layers, dModel, heads, dFf, dropout, norm, residual,
                positional, sharedEmbeddings, score, padId);
    }

    /** A copy with another positional encoding ({@code sinusoidal}/{@code learned}/{@code none}). */
    public TransformerConfig withPositional(String positional) {
        return new TransformerConfig(srcVocab, tgtVocab, maxLen, layers, dModel, heads, dFf, dropout, norm, residual,
                positional, sharedEmbeddings, score, padId);
    }

    /** The parsed norm placement. */
    public NormPlacement normPlacement() {
        return oneOf("norm", norm, NormPlacement.class);
    }

    /** The parsed positional encoding. */
    public PositionalKind positionalKind() {
        return oneOf("positional", positional, PositionalKind.class);
    }

    /** Per-head attention settings (additive scores use a hidden size of 16), without masks. */
    public AttentionConfig attention() {
        return AttentionConfig.of(ScoreFunction.fromName(score));
    }
}
