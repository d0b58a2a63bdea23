package org.attnlab.models.gating;

import org.attnlab.models.support.ConfigChecks;

/**
 * LSTM settings.
 *
 * @param inputSize  features per time step, at least 1
 * @param hidden     hidden units, at least 1
 * @param forgetBias initial bias of the forget gate (finite; {@value #DEFAULT_FORGET_BIAS} by default, as
 *                   Jozefowicz et al. 2015 recommend; the other gates' biases start at 0)
 */
public record LstmConfig(int inputSize, int hidden, double forgetBias) {
    /** Forget-gate bias when none is given. */
    public static final double DEFAULT_FORGET_BIAS = 1.0;

    /** Validates every key; see {@link ConfigChecks}. */
    public LstmConfig {
        ConfigChecks.positive("inputSize", inputSize);
        ConfigChecks.positive("hidden", hidden);
        ConfigChecks.finite("forgetBias", forgetBias);
    }

    /** Settings with the default forget-gate bias {@value #DEFAULT_FORGET_BIAS}. */
    public LstmConfig(int inputSize, int hidden) {
        this(inputSize, hidden, DEFAULT_FORGET_BIAS);
    }
}
