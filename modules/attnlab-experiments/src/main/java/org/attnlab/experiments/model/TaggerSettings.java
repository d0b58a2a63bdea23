package org.attnlab.experiments.model;

import org.attnlab.experiments.config.Checks;
import org.attnlab.experiments.config.ConfigValueException;

/**
 * Settings of the {@code tagger} model kind (one-layer self-attention sequence tagger).
 *
 * @param dModel         embedding and attention size
 * @param heads          attention heads; must divide {@code dModel}
 * @param score          score function: dot, scaled_dot, additive or general
 * @param additiveHidden hidden size of the additive score
 * @param dropout          dropout on embeddings + positions and on the attention output (training only)
 * @param attentionDropout dropout on the attention weights (training only)
 * @param additiveInit       initial values of the additive score: xavier or bahdanau
 * @param fusedAttention     libnd4j's fused attention op where it applies
 * @param embeddingInitScale token and position tables drawn from Normal(0, scale / sqrt(d_model))
 */
public record TaggerSettings(int dModel, int heads, String score, int additiveHidden, double dropout,
                             double attentionDropout, String additiveInit, boolean fusedAttention,
                             double embeddingInitScale) {
    public TaggerSettings {
        Checks.atLeast("d_model", dModel, 1);
        Checks.atLeast("heads", heads, 1);
        if (dModel % heads != 0) {
            throw new ConfigValueException("heads", "must divide d_model=" + dModel + ", was " + heads);
        }
        score = Checks.scoreFunction("score", score);
        Checks.atLeast("additive_hidden", additiveHidden, 1);
        Checks.rate("dropout", dropout);
        Checks.rate("attention_dropout", attentionDropout);
        additiveInit = Checks.additiveInit("additive_init", additiveInit);
        Checks.inOpenClosed("embedding_init_scale", embeddingInitScale, 0, Double.MAX_VALUE);
    }
}
