package org.attnlab.experiments.model;

import org.attnlab.experiments.config.Checks;

/**
 * Settings of the {@code lstm} model kind (an LSTM sequence tagger whose gates are outputs).
 *
 * @param embedding size of the token embeddings
 * @param hidden    LSTM hidden units
 */
public record LstmSettings(int embedding, int hidden) {
    public LstmSettings {
        Checks.atLeast("embedding", embedding, 1);
        Checks.atLeast("hidden", hidden, 1);
    }
}
