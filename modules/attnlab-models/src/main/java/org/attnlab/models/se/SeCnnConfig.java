package org.attnlab.models.se;

import org.attnlab.models.support.ConfigChecks;

/**
 * Settings of a {@link SeCnnClassifier} on square one-channel images.
 *
 * @param imageSize side of the input images in pixels (28 for Fashion-MNIST)
 * @param channels  width of the stem and of every residual block
 * @param blocks    number of residual blocks
 * @param excite    true for SE-ResNet blocks, false for plain ResNet blocks
 * @param ratio     SE reduction ratio, in [1, channels] (unused when {@code excite} is false)
 * @param classes   number of classes, at least 2
 */
public record SeCnnConfig(int imageSize, int channels, int blocks, boolean excite, int ratio, int classes) {
    /** Validates every key; see {@link ConfigChecks}. */
    public SeCnnConfig {
        ConfigChecks.positive("imageSize", imageSize);
        ConfigChecks.positive("channels", channels);
        ConfigChecks.positive("blocks", blocks);
        ConfigChecks.inRange("ratio", ratio, 1, channels);
        ConfigChecks.inRange("classes", classes, 2, Integer.MAX_VALUE);
    }

    /** Fashion-MNIST settings: 28x28 images, 10 classes. */
    public static SeCnnConfig fashionMnist(int channels, int blocks, boolean excite, int ratio) {
        return new SeCnnConfig(28, channels, blocks, excite, ratio, 10);
    }

    /** Settings of residual block {@code k} (0-based): stride 1 for the first block, 2 (halving H, W) after it. */
    public SeResNetConfig block(int k) {
        return new SeResNetConfig(channels, channels, k == 0 ? 1 : 2, ratio, excite);
    }
}
