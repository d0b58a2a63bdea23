package org.attnlab.models.se;

import org.attnlab.models.support.ConfigChecks;
import org.attnlab.models.support.ConfigValueException;

/**
 * Settings of a {@link SeCnnClassifier} on square one-channel images.
 *
 * @param imageSize side of the input images in pixels (28 for Fashion-MNIST)
 * @param channels  width C of the stem and of every residual block
 * @param blocks    number of residual blocks
 * @param excite    true for SE-ResNet blocks, false for plain ResNet blocks
 * @param ratio     SE reduction ratio r; with {@code excite}, C / r must be at least 2 (a one-unit bottleneck gives
 *                  the same excitation for every image, see Hu et al. 2018); unused without {@code excite}
 * @param classes   number of classes, at least 2
 * @param kernel    side of the stem's and the blocks' square convolutions, odd (padding {@code kernel / 2} keeps
 *                  the image size); {@value #DEFAULT_KERNEL} by default
 * @param batchNorm batch normalisation after every convolution ({@link org.attnlab.models.norm.BatchNorm}, as in
 *                  ResNet); off by default
 * @param stemStride stride of the stem convolution, 1 (keeps S x S) or 2 (halves it, as ResNet's stem does, for a
 *                  quarter of the cost of every later layer); 1 by default
 */
public record SeCnnConfig(int imageSize, int channels, int blocks, boolean excite, int ratio, int classes,
                          int kernel, boolean batchNorm, int stemStride) {
    /** Convolution size when none is given, as in ResNet's basic block. */
    public static final int DEFAULT_KERNEL = 3;

    /** Validates every key; see {@link ConfigChecks}. */
    public SeCnnConfig {
        ConfigChecks.positive("imageSize", imageSize);
        ConfigChecks.positive("channels", channels);
        ConfigChecks.positive("blocks", blocks);
        ConfigChecks.inRange("ratio", ratio, 1, channels);
        if (excite && channels / ratio < 2) {
            throw new ConfigValueException("ratio", "must leave channels / ratio >= 2 SE units with channels="
                    + channels + ", was " + ratio);
        }
        ConfigChecks.inRange("classes", classes, 2, Integer.MAX_VALUE);
        ConfigChecks.odd("kernel", kernel);
        ConfigChecks.inRange("stemStride", stemStride, 1, 2);
    }

    /** Settings with a stride-1 stem. */
    public SeCnnConfig(int imageSize, int channels, int blocks, boolean excite, int ratio, int classes, int kernel,
                       boolean batchNorm) {
        this(imageSize, channels, blocks, excite, ratio, classes, kernel, batchNorm, 1);
    }

    /** Settings with {@value #DEFAULT_KERNEL}x{@value #DEFAULT_KERNEL} convolutions and no batch norm. */
    public SeCnnConfig(int imageSize, int channels, int blocks, boolean excite, int ratio, int classes) {
        this(imageSize, channels, blocks, excite, ratio, classes, DEFAULT_KERNEL, false);
    }

    /** Fashion-MNIST settings: 28x28 images, 10 classes. */
    public static SeCnnConfig fashionMnist(int channels, int blocks, boolean excite, int ratio) {
        return new SeCnnConfig(28, channels, blocks, excite, ratio, 10);
    }

    /** Settings of residual block {@code k} (0-based): stride 1 for the first block, 2 (halving H, W) after it. */
    public SeResNetConfig block(int k) {
        return new SeResNetConfig(channels, channels, k == 0 ? 1 : 2, ratio, excite, kernel, batchNorm);
    }
}
