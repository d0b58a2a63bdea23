package org.attnlab.experiments.model;

import org.attnlab.experiments.config.Checks;
import org.attnlab.experiments.config.ConfigValueException;

/**
 * Settings of the {@code se_cnn} model kind (a small ResNet image classifier with or without squeeze-and-excitation).
 *
 * @param channels width of the stem and of every residual block
 * @param blocks   residual blocks (the first keeps the image size, each later one halves it)
 * @param se       true for SE-ResNet blocks, false for plain ResNet blocks
 * @param ratio    SE reduction ratio, in [1, channels] (ignored when {@code se} is false)
 */
public record SeCnnSettings(int channels, int blocks, boolean se, int ratio) {
    public SeCnnSettings {
        Checks.atLeast("channels", channels, 1);
        Checks.atLeast("blocks", blocks, 1);
        Checks.atLeast("ratio", ratio, 1);
        if (ratio > channels) {
            throw new ConfigValueException("ratio", "must be <= channels=" + channels + ", was " + ratio);
        }
    }
}
