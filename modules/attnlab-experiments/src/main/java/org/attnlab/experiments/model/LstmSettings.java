package org.attnlab.experiments.model;

import org.attnlab.experiments.config.Checks;

/**
 * Settings of the {@code lstm} model kind (an LSTM sequence tagger whose gates are outputs).
 *
 * @param embedding size of the token embeddings
 * @param hidden    LSTM hidden units
 * @param dropout            dropout on the embeddings and the LSTM output (training only)
 * @param forgetBias         initial forget-gate bias
 * @param embeddingInitScale embeddings drawn from Normal(0, scale / sqrt(embedding))
 */
public record LstmSettings(int embedding, int hidden, double dropout, double forgetBias, double embeddingInitScale) {
    public LstmSettings {
        Checks.atLeast("embedding", embedding, 1);
        Checks.atLeast("hidden", hidden, 1);
        Checks.rate("dropout", dropout);
        Checks.inOpenClosed("embedding_init_scale", embeddingInitScale, 0, Double.MAX_VALUE);
    }
}
