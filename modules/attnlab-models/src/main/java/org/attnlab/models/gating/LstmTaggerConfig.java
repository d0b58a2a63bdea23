package org.attnlab.models.gating;

import org.attnlab.models.support.ConfigChecks;

/**
 * Settings of an {@link LstmTagger}.
 *
 * @param vocab     number of token ids (inputs and outputs), at least 2
 * @param steps     fixed sequence length T ({@link GatedLstm} is unrolled over it)
 * @param embedding size of the token embeddings
 * @param hidden    LSTM hidden units
 */
public record LstmTaggerConfig(int vocab, int steps, int embedding, int hidden) {
    /** Validates every key; see {@link ConfigChecks}. */
    public LstmTaggerConfig {
        ConfigChecks.inRange("vocab", vocab, 2, Integer.MAX_VALUE);
        ConfigChecks.positive("steps", steps);
        ConfigChecks.positive("embedding", embedding);
        ConfigChecks.positive("hidden", hidden);
    }

    /** Settings of the LSTM layer. */
    public LstmConfig lstm() {
        return new LstmConfig(embedding, hidden);
    }
}
