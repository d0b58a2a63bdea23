package org.attnlab.models.gating;

import org.attnlab.models.dropout.Dropout;
import org.attnlab.models.support.ConfigChecks;

/**
 * Settings of an {@link LstmTagger}.
 *
 * @param vocab              number of token ids (inputs and outputs), at least 2
 * @param steps              fixed sequence length T ({@link GatedLstm} is unrolled over it)
 * @param embedding          size E of the token embeddings
 * @param hidden             LSTM hidden units
 * @param dropout            dropout rate, in {@code [0, 1)}, on the embeddings (the LSTM's input) and on the LSTM's
 *                           output before the softmax layer, during training only (the non-recurrent connections,
 *                           as Zaremba et al. 2014; see {@link Dropout})
 * @param forgetBias         initial forget-gate bias (see {@link LstmConfig#forgetBias()})
 * @param embeddingInitScale the embedding table is drawn from Normal(0, embeddingInitScale / sqrt(E)); {@code > 0}
 */
public record LstmTaggerConfig(int vocab, int steps, int embedding, int hidden, double dropout, double forgetBias,
                               double embeddingInitScale) {
    /** Validates every key; see {@link ConfigChecks}. */
    public LstmTaggerConfig {
        ConfigChecks.inRange("vocab", vocab, 2, Integer.MAX_VALUE);
        ConfigChecks.positive("steps", steps);
        ConfigChecks.positive("embedding", embedding);
        ConfigChecks.positive("hidden", hidden);
        Dropout.checkRate("dropout", dropout);
        ConfigChecks.finite("forgetBias", forgetBias);
        ConfigChecks.positive("embeddingInitScale", embeddingInitScale);
    }

    /** Settings without dropout, forget-gate bias 1 and embedding scale 1. */
    public LstmTaggerConfig(int vocab, int steps, int embedding, int hidden) {
        this(vocab, steps, embedding, hidden, 0.0, LstmConfig.DEFAULT_FORGET_BIAS, 1.0);
    }

    /** A copy with another dropout rate. */
    public LstmTaggerConfig withDropout(double dropout) {
        return new LstmTaggerConfig(vocab, steps, embedding, hidden, dropout, forgetBias, embeddingInitScale);
    }

    /** Settings of the LSTM layer. */
    public LstmConfig lstm() {
        return new LstmConfig(embedding, hidden, forgetBias);
    }
}
