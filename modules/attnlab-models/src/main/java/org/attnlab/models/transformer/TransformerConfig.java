package org.attnlab.models.transformer;

import static org.attnlab.models.support.ConfigChecks.inRange;
import static org.attnlab.models.support.ConfigChecks.positive;

import org.attnlab.models.attention.AdditiveInit;
import org.attnlab.models.attention.AttentionConfig;
import org.attnlab.models.attention.MultiHeadConfig;
import org.attnlab.models.attention.ScoreFunction;
import org.attnlab.models.support.ConfigChecks;
import org.attnlab.models.support.ConfigValueException;

/**
 * An encoder-decoder Transformer; every choice is a typed value (enums for the norm placement, positional encoding
 * and score function), validated here with messages naming the key, the value and what is allowed.
 *
 * @param srcVocab         source token ids {@code [0, srcVocab)}
 * @param tgtVocab         target token ids {@code [0, tgtVocab)}
 * @param maxLen           longest source or target sequence (size of the position tables)
 * @param layers           encoder layers, and as many decoder layers
 * @param dModel           model size
 * @param heads            attention heads; must divide {@code dModel}
 * @param dFf              hidden size of the position-wise feed-forward network
 * @param dropout          dropout rate on every sublayer's output before its residual add, in {@code [0, 1)}
 * @param norm             layer-norm placement (post or pre)
 * @param residual         residual connections around every sublayer (off for the "no residual" ablation)
 * @param positional       position information: sinusoidal, learned or none
 * @param sharedEmbeddings one token table for source and target (needs {@code srcVocab == tgtVocab})
 * @param score            attention score function
 * @param padId            the padding token id: masked as a key and ignored by the loss
 * @param embeddingDropout dropout rate on the sums of embeddings and positions (both sides), in {@code [0, 1)}
 * @param attentionDropout dropout rate on every attention layer's weights, in {@code [0, 1)}
 * @param additiveHidden   hidden size of the additive score (used when {@code score} is {@code additive})
 * @param attentionBias    biases on the attention projections (PyTorch's default; off in AttnLab's models so far)
 * @param layerNormEps     epsilon added to the variance in every layer norm (PyTorch's default is 1e-5)
 * @param fusedAttention   run libnd4j's fused multi-head attention op where it applies (see
 *                         {@link MultiHeadConfig#fused()}); off by default: same values, other speed
 * @param embeddingInitScale token tables drawn from Normal(0, embeddingInitScale / sqrt(dModel)), so the
 *                         embeddings (scaled by sqrt(dModel)) start with standard deviation embeddingInitScale; 1
 * @param positionInitStd  standard deviation of the learned position tables' initial values; 1
 * @param additiveInit     initial values of the additive score; xavier
 *
 * <p>Dropout (all three rates) acts only during training steps whose masks {@link
 * org.attnlab.models.dropout.DropoutMasks} sets; evaluation and decoding run the graph without dropout.
 */
public record TransformerConfig(int srcVocab, int tgtVocab, int maxLen, int layers, int dModel, int heads, int dFf,
                                double dropout, NormPlacement norm, boolean residual, PositionalKind positional,
                                boolean sharedEmbeddings, ScoreFunction score, int padId, double embeddingDropout,
                                double attentionDropout, int additiveHidden, boolean attentionBias,
                                double layerNormEps, boolean fusedAttention, double embeddingInitScale,
                                double positionInitStd, AdditiveInit additiveInit) {
    public TransformerConfig {
        inRange("srcVocab", srcVocab, 2, Integer.MAX_VALUE);
        inRange("tgtVocab", tgtVocab, 2, Integer.MAX_VALUE);
        positive("maxLen", maxLen);
        positive("layers", layers);
        positive("dModel", dModel);
        ConfigChecks.dividing("heads", heads, "dModel", dModel);
        positive("dFf", dFf);
        ConfigChecks.rate("dropout", dropout);
        ConfigChecks.rate("embeddingDropout", embeddingDropout);
        ConfigChecks.rate("attentionDropout", attentionDropout);
        positive("additiveHidden", additiveHidden);
        ConfigChecks.finiteAtLeast("layerNormEps", layerNormEps, 0.0);
        ConfigChecks.present("norm", norm, ConfigChecks.names(NormPlacement.class));
        ConfigChecks.present("positional", positional, ConfigChecks.names(PositionalKind.class));
        ConfigChecks.present("score", score, ScoreFunction.validNames());
        if (sharedEmbeddings && srcVocab != tgtVocab) {
            throw new ConfigValueException("sharedEmbeddings", "needs srcVocab == tgtVocab, was " + srcVocab + " and "
                    + tgtVocab);
        }
        inRange("padId", padId, 0, Math.min(srcVocab, tgtVocab) - 1);
        positive("embeddingInitScale", embeddingInitScale);
        positive("positionInitStd", positionInitStd);
        ConfigChecks.present("additiveInit", additiveInit, AdditiveInit.validNames());
    }

    /** Default of {@link #layerNormEps}, as PyTorch's {@code nn.LayerNorm}. */
    public static final double DEFAULT_LAYER_NORM_EPS = LayerNorm.DEFAULT_EPS;

    /**
     * Defaults of the base model's shape at a small size: post-LN, residuals, sinusoidal, scaled dot, pad 0, no
     * dropout, additive hidden size 16, no attention biases, layer-norm epsilon 1e-5, unfused attention, embedding
     * scale 1, learned-position spread 1, Xavier-initialised additive scores.
     */
    public static TransformerConfig small(int vocab, int maxLen, int layers, int dModel, int heads, int dFf) {
        return new TransformerConfig(vocab, vocab, maxLen, layers, dModel, heads, dFf, 0.0, NormPlacement.POST, true,
                PositionalKind.SINUSOIDAL, false, ScoreFunction.SCALED_DOT, 0, 0.0, 0.0,
                AttentionConfig.DEFAULT_ADDITIVE_HIDDEN, false, DEFAULT_LAYER_NORM_EPS, false, 1.0, 1.0,
                AdditiveInit.XAVIER);
    }

    /** A copy with another norm placement. */
    public TransformerConfig withNorm(NormPlacement norm) {
        return new TransformerConfig(srcVocab, tgtVocab, maxLen, layers, dModel, heads, dFf, dropout, norm, residual,
                positional, sharedEmbeddings, score, padId, embeddingDropout, attentionDropout, additiveHidden,
                attentionBias, layerNormEps, fusedAttention, embeddingInitScale, positionInitStd, additiveInit);
    }

    /** A copy with another positional encoding. */
    public TransformerConfig withPositional(PositionalKind positional) {
        return new TransformerConfig(srcVocab, tgtVocab, maxLen, layers, dModel, heads, dFf, dropout, norm, residual,
                positional, sharedEmbeddings, score, padId, embeddingDropout, attentionDropout, additiveHidden,
                attentionBias, layerNormEps, fusedAttention, embeddingInitScale, positionInitStd, additiveInit);
    }

    /** A copy with the three dropout rates: sublayer outputs, embeddings + positions, attention weights. */
    public TransformerConfig withDropout(double sublayers, double embeddings, double attentionWeights) {
        return new TransformerConfig(srcVocab, tgtVocab, maxLen, layers, dModel, heads, dFf, sublayers, norm,
                residual, positional, sharedEmbeddings, score, padId, embeddings, attentionWeights, additiveHidden,
                attentionBias, layerNormEps, fusedAttention, embeddingInitScale, positionInitStd, additiveInit);
    }

    /** A copy with attention projection biases on or off. */
    public TransformerConfig withAttentionBias(boolean attentionBias) {
        return new TransformerConfig(srcVocab, tgtVocab, maxLen, layers, dModel, heads, dFf, dropout, norm, residual,
                positional, sharedEmbeddings, score, padId, embeddingDropout, attentionDropout, additiveHidden,
                attentionBias, layerNormEps, fusedAttention, embeddingInitScale, positionInitStd, additiveInit);
    }

    /** A copy with other initial values of the additive score. */
    public TransformerConfig withAdditiveInit(AdditiveInit additiveInit) {
        return new TransformerConfig(srcVocab, tgtVocab, maxLen, layers, dModel, heads, dFf, dropout, norm, residual,
                positional, sharedEmbeddings, score, padId, embeddingDropout, attentionDropout, additiveHidden,
                attentionBias, layerNormEps, fusedAttention, embeddingInitScale, positionInitStd, additiveInit);
    }

    /** A copy with the fused attention op preferred where it applies, or not. */
    public TransformerConfig withFusedAttention(boolean fusedAttention) {
        return new TransformerConfig(srcVocab, tgtVocab, maxLen, layers, dModel, heads, dFf, dropout, norm, residual,
                positional, sharedEmbeddings, score, padId, embeddingDropout, attentionDropout, additiveHidden,
                attentionBias, layerNormEps, fusedAttention, embeddingInitScale, positionInitStd, additiveInit);
    }

    /** Per-head attention settings: score, additive hidden size and initialisation, attention dropout; no masks. */
    public AttentionConfig attention() {
        return AttentionConfig.of(score, additiveHidden).withDropout(attentionDropout).withAdditiveInit(additiveInit);
    }

    /** Multi-head settings of every attention layer (causal or not). */
    public MultiHeadConfig multiHead(boolean causal) {
        return new MultiHeadConfig(dModel, heads, attention().withCausal(causal), fusedAttention, attentionBias);
    }
}
