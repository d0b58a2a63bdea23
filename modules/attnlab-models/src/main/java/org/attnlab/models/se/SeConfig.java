package org.attnlab.models.se;

import org.attnlab.models.support.ConfigChecks;

/**
 * Squeeze-and-excitation settings: {@code channels} C of the NCHW input and the reduction {@code ratio} r;
 * the bottleneck has {@code C / r} units (integer division), so r must lie in [1, C].
 */
public record SeConfig(int channels, int ratio) {
    /** Validates every key; see {@link ConfigChecks}. */
    public SeConfig {
        ConfigChecks.positive("channels", channels);
        ConfigChecks.inRange("ratio", ratio, 1, channels);
    }

    /** Width of the bottleneck layer, {@code channels / ratio}. */
    public int reduced() {
        return channels / ratio;
    }
}
