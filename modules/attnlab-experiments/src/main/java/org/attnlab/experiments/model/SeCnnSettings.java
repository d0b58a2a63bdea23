package org.attnlab.experiments.model;

import org.attnlab.experiments.config.Checks;
import org.attnlab.experiments.config.ConfigValueException;

/**
 * Settings of the {@code se_cnn} model kind (a small ResNet image classifier with or without squeeze-and-excitation).
 *
 * @param channels width of the stem and of every residual block
 * @param blocks   residual blocks (the first keeps the image size, each later one halves it)
 * @param se       true for SE-ResNet blocks, false for plain ResNet blocks
 * @param ratio    SE reduction ratio; with {@code se}, channels / ratio must be >= 2 (ignored when {@code se} is false)
 * @param kernel   side of every square convolution, odd
 * @param batchNorm batch norm after every convolution (running statistics at evaluation)
 */
public record SeCnnSettings(int channels, int blocks, boolean se, int ratio, int kernel, boolean batchNorm) {
    public SeCnnSettings {
        Checks.atLeast("channels", channels, 1);
        Checks.atLeast("blocks", blocks, 1);
        Checks.atLeast("ratio", ratio, 1);
        if (ratio > channels || se && channels / ratio < 2) {
            throw new ConfigValueException("ratio", "must leave channels / ratio >= 2 SE units with channels="
                    + channels + ", was " + ratio);
        }
        Checks.atLeast("kernel", kernel, 1);
        if (kernel % 2 == 0) {
            throw new ConfigValueException("kernel", "must be odd, was " + kernel);
        }
    }
}
