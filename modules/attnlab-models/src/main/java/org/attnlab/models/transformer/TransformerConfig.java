package org.attnlab.models.transformer;

import static org.attnlab.models.support.ConfigChecks.inRange;
import static org.attnlab.models.support.ConfigChecks.oneOf;
import static org.attnlab.models.support.ConfigChecks.positive;

import org.attnlab.models.attention.AdditiveInit;
import org.attnlab.models.attention.AttentionConfig;
import org.attnlab.models.attention.MultiHeadConfig;
import org.attnlab.models.attention.ScoreFunction;
import org.attnlab.models.dropout.Dropout;

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
 * @param dropout          dropout rate on every sublayer's output before its residual add, in {@code [0, 1)}
 * @param norm             layer-norm placement: {@code post} or {@code pre} (see {@link NormPlacement})
 * @param residual         residual connections around every sublayer (off for the "no residual" ablation)
 * @param positional       {@code sinusoidal}, {@code learned} or {@code none} (see {@link PositionalKind})
 * @param sharedEmbeddings one token table for source and target (needs {@code srcVocab == tgtVocab})
 * @param score            attention score function name, see {@link ScoreFunction#validNames()}
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
 * @param additiveInit     initial values of the additive score, {@link AdditiveInit#validNames()}; xavier
 *
 * <p>Dropout (all three rates) acts only during training steps whose masks {@link
 * org.attnlab.models.dropout.DropoutMasks} sets; evaluation and decoding run the graph without dropout.
 */
public record TransformerConfig(int srcVocab, int tgtVocab, int maxLen, int layers, int dModel, int heads, int dFf,
                                double dropout, String norm, boolean residual, String positional,
                                boolean sharedEmbeddings, String score, int padId, double embeddingDropout,
                                double attentionDropout, int additiveHidden, boolean attentionBias,
                                double layerNormEps, boolean fusedAttention, double embeddingInitScale,
                                double positionInitStd, String additiveInit) {
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
        Dropout.checkRate("dropout", dropout);
        Dropout.checkRate("embeddingDropout", embeddingDropout);
        Dropout.checkRate("attentionDropout", attentionDropout);
        positive("additiveHidden", additiveHidden);
        if (!(layerNormEps >= 0.0) || Double.isInfinite(layerNormEps)) {
            throw new IllegalArgumentException("layerNormEps = " + layerNormEps
                    + " is out of range: valid range is [0, inf)");
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
        positive("embeddingInitScale", embeddingInitScale);
        positive("positionInitStd", positionInitStd);
        AdditiveInit.fromName(additiveInit);
    }

    /** Default of {@link #layerNormEps}, as PyTorch's {@code nn.LayerNorm}. */
    public static final double DEFAULT_LAYER_NORM_EPS = LayerNorm.DEFAULT_EPS;

    /**
     * Defaults of the base model's shape at a small size: post-LN, residuals, sinusoidal, scaled dot, pad 0, no
     * dropout, additive hidden size 16, no attention biases, layer-norm epsilon 1e-5, unfused attention, embedding
     * scale 1, learned-position spread 1, Xavier-initialised additive scores.
     */
    public static TransformerConfig small(int vocab, int maxLen, int layers, int dModel, int heads, int dFf) {
        return new TransformerConfig(vocab, vocab, maxLen, layers, dModel, heads, dFf, 0.0, "post", true,
                "sinusoidal", false, "scaled_dot", 0, 0.0, 0.0, AttentionConfig.DEFAULT_ADDITIVE_HIDDEN, false,
                DEFAULT_LAYER_NORM_EPS, false, 1.0, 1.0, AdditiveInit.XAVIER.configName());
    }

    /** A copy with another norm placement ({@code post}/{@code pre}). */
    public TransformerConfig withNorm(String norm) {
        return new TransformerConfig(srcVocab, tgtVocab, maxLen, layers, dModel, heads, dFf, dropout, norm, residual,
                positional, sharedEmbeddings, score, padId, embeddingDropout, attentionDropout, additiveHidden,
                attentionBias, layerNormEps, fusedAttention, embeddingInitScale, positionInitStd, additiveInit);
    }

    /** A copy with another positional encoding ({@code sinusoidal}/{@code learned}/{@code none}). */
    public TransformerConfig withPositional(String positional) {
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

    /** A copy with other initial values of the additive score ({@code xavier}/{@code bahdanau}). */
    public TransformerConfig withAdditiveInit(String additiveInit) {
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

    /** The parsed norm placement. */
    public NormPlacement normPlacement() {
        return oneOf("norm", norm, NormPlacement.class);
    }

    /** The parsed positional encoding. */
    public PositionalKind positionalKind() {
        return oneOf("positional", positional, PositionalKind.class);
    }

    /** Per-head attention settings: score, additive hidden size and initialisation, attention dropout; no masks. */
    public AttentionConfig attention() {
        return AttentionConfig.of(ScoreFunction.fromName(score), additiveHidden).withDropout(attentionDropout)
                .withAdditiveInit(AdditiveInit.fromName(additiveInit));
    }

    /** Multi-head settings of every attention layer (causal or not). */
    public MultiHeadConfig multiHead(boolean causal) {
        return new MultiHeadConfig(dModel, heads, attention().withCausal(causal), fusedAttention, attentionBias);
    }
}
