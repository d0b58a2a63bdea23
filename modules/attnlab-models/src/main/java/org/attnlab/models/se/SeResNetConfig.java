package org.attnlab.models.se;

import org.attnlab.models.support.ConfigChecks;

/**
 * SE-ResNet basic block settings: input and output channels, the stride (1 or 2) of the first convolution,
 * the SE reduction ratio (in [1, outChannels]), whether the SE block is present ({@code excite}; false gives
 * a plain ResNet basic block, the ratio then being unused), the odd side {@code kernel} of both convolutions
 * (3 in ResNet) and whether every convolution is followed by batch norm ({@code batchNorm}, as in ResNet).
 */
public record SeResNetConfig(int inChannels, int outChannels, int stride, int ratio, boolean excite, int kernel,
                             boolean batchNorm) {
    /** Validates every key; see {@link ConfigChecks}. */
    public SeResNetConfig {
        ConfigChecks.positive("inChannels", inChannels);
        ConfigChecks.positive("outChannels", outChannels);
        ConfigChecks.inRange("stride", stride, 1, 2);
        ConfigChecks.inRange("ratio", ratio, 1, outChannels);
        ConfigChecks.positive("kernel", kernel);
        if (kernel % 2 == 0) {
            throw new IllegalArgumentException("kernel = " + kernel + " is not valid: must be odd");
        }
    }

    /** A block with 3x3 convolutions, without batch norm. */
    public SeResNetConfig(int inChannels, int outChannels, int stride, int ratio, boolean excite) {
        this(inChannels, outChannels, stride, ratio, excite, SeCnnConfig.DEFAULT_KERNEL, false);
    }

    /** An SE-ResNet block ({@code excite = true}) with 3x3 convolutions. */
    public SeResNetConfig(int inChannels, int outChannels, int stride, int ratio) {
        this(inChannels, outChannels, stride, ratio, true);
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
