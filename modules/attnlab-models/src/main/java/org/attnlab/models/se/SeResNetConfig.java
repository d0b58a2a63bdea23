package org.attnlab.models.se;

import org.attnlab.models.support.ConfigChecks;

/**
 * SE-ResNet basic block settings: input and output channels, the stride (1 or 2) of the first 3x3 convolution
 * and the SE reduction ratio (in [1, outChannels]).
 */
public record SeResNetConfig(int inChannels, int outChannels, int stride, int ratio) {
    /** Validates every key; see {@link ConfigChecks}. */
    public SeResNetConfig {
        ConfigChecks.positive("inChannels", inChannels);
        ConfigChecks.positive("outChannels", outChannels);
        ConfigChecks.inRange("stride", stride, 1, 2);
        ConfigChecks.inRange("ratio", ratio, 1, outChannels);
    }

    /** True when the shortcut needs a 1x1 projection (channels or resolution change). */
    public boolean projects() {
        return inChannels != outChannels || stride != 1;
    }

    /** Settings of the SE block on the residual branch. */
    public SeConfig se() {
        return new SeConfig(outChannels, ratio);
    }
}
