package org.attnlab.models.gating;

import org.attnlab.models.support.ConfigChecks;

/** LSTM settings: {@code inputSize} features per time step and {@code hidden} units; both at least 1. */
public record LstmConfig(int inputSize, int hidden) {
    /** Validates every key; see {@link ConfigChecks}. */
    public LstmConfig {
        ConfigChecks.positive("inputSize", inputSize);
        ConfigChecks.positive("hidden", hidden);
    }
}
