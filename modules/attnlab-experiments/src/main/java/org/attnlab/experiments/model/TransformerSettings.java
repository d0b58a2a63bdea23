package org.attnlab.experiments.model;

import java.util.List;
import org.attnlab.experiments.config.Checks;
import org.attnlab.experiments.config.ConfigValueException;

/**
 * Settings of the {@code transformer} model kind (encoder-decoder Transformer).
 *
 * @param layers     encoder layers, and as many decoder layers
 * @param dModel     model size
 * @param heads      attention heads; must divide {@code dModel}
 * @param dFf        feed-forward hidden size
 * @param norm       layer-norm placement: post or pre
 * @param residual   residual connections around every sublayer
 * @param positional sinusoidal, learned or none
 * @param score      attention score function: dot, scaled_dot, additive or general
 * @param dropout          dropout on every sublayer's output before its residual add (training only)
 * @param embeddingDropout dropout on embeddings + positions (training only)
 * @param attentionDropout dropout on the attention weights (training only)
 * @param additiveHidden   hidden size of the additive score
 * @param attentionBias    biases on the attention projections (as PyTorch)
 * @param layerNormEps     epsilon of every layer norm
 * @param fusedAttention     libnd4j's fused attention op where it applies (same values, other speed)
 * @param embeddingInitScale token tables drawn from Normal(0, scale / sqrt(d_model))
 * @param positionInitStd    standard deviation of learned position tables at the start
 * @param additiveInit       initial values of the additive score: xavier or bahdanau
 * @param sharedEmbeddings   one token table for source and target (synthetic tasks, whose ids are one vocabulary)
 */
public record TransformerSettings(int layers, int dModel, int heads, int dFf, String norm, boolean residual,
                                  String positional, String score, double dropout, double embeddingDropout,
                                  double attentionDropout, int additiveHidden, boolean attentionBias,
                                  double layerNormEps, boolean fusedAttention, double embeddingInitScale,
                                  double positionInitStd, String additiveInit, boolean sharedEmbeddings) {
    public TransformerSettings {
        Checks.atLeast("layers", layers, 1);
        Checks.atLeast("d_model", dModel, 1);
        Checks.atLeast("heads", heads, 1);
        if (dModel % heads != 0) {
            throw new ConfigValueException("heads", "must divide d_model=" + dModel + ", was " + heads);
        }
        Checks.atLeast("d_ff", dFf, 1);
        norm = Checks.oneOf("norm", norm, List.of("post", "pre"));
        positional = Checks.oneOf("positional", positional, List.of("sinusoidal", "learned", "none"));
        score = Checks.scoreFunction("score", score);
        Checks.rate("dropout", dropout);
        Checks.rate("embedding_dropout", embeddingDropout);
        Checks.rate("attention_dropout", attentionDropout);
        Checks.atLeast("additive_hidden", additiveHidden, 1);
        Checks.atLeast("layer_norm_eps", layerNormEps, 0);
        Checks.inOpenClosed("embedding_init_scale", embeddingInitScale, 0, Double.MAX_VALUE);
        Checks.inOpenClosed("position_init_std", positionInitStd, 0, Double.MAX_VALUE);
        additiveInit = Checks.additiveInit("additive_init", additiveInit);
    }
}
