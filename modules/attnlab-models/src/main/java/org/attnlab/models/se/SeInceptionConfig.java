package org.attnlab.models.se;

import org.attnlab.models.support.ConfigChecks;

/**
 * SE-Inception module settings (GoogLeNet naming): input channels, the widths of the 1x1 branch, of the
 * 1x1-reduce and 3x3 convolutions, of the 1x1-reduce and 5x5 convolutions, of the 1x1 projection after 3x3 max
 * pooling, and the SE reduction ratio (in [1, outChannels()]).
 */
public record SeInceptionConfig(int inChannels, int out1x1, int reduce3x3, int out3x3, int reduce5x5,
                                int out5x5, int poolProj, int ratio) {
    /** Validates every key; see {@link ConfigChecks}. */
    public SeInceptionConfig {
        ConfigChecks.positive("inChannels", inChannels);
        ConfigChecks.positive("out1x1", out1x1);
        ConfigChecks.positive("reduce3x3", reduce3x3);
        ConfigChecks.positive("out3x3", out3x3);
        ConfigChecks.positive("reduce5x5", reduce5x5);
        ConfigChecks.positive("out5x5", out5x5);
        ConfigChecks.positive("poolProj", poolProj);
        ConfigChecks.inRange("ratio", ratio, 1, out1x1 + out3x3 + out5x5 + poolProj);
    }

    /** Channels after concatenating the four branches. */
    public int outChannels() {
        return out1x1 + out3x3 + out5x5 + poolProj;
    }

    /** Settings of the SE block after the concatenation. */
    public SeConfig se() {
        return new SeConfig(outChannels(), ratio);
    }
}
