package org.attnlab.experiments.kinds;

import static org.attnlab.models.support.ConfigChecks.inRange;
import static org.attnlab.models.support.ConfigChecks.odd;
import static org.attnlab.models.support.ConfigChecks.positive;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.attnlab.models.se.SeCnnClassifier;
import org.attnlab.models.se.SeCnnConfig;
import org.attnlab.models.support.ConfigValueException;

/**
 * Model kind {@code se_cnn}: {@link SeCnnClassifier} on image data. With {@code se: true} each block's channel
 * excitation {@code [B, C]} is plotted for a few test images (rows: images, columns: channels).
 */
public final class SeCnnKind implements ModelKind<SeCnnKind.Settings> {
    /**
     * The {@code model} section of an SE-CNN: {@link SeCnnConfig} without the image size and classes.
     *
     * @param channels width of the stem and of every residual block
     * @param blocks   residual blocks (the first keeps the image size, each later one halves it)
     * @param se       true for SE-ResNet blocks, false for plain ResNet blocks
     * @param ratio    SE reduction ratio, in [1, channels] (ignored when {@code se} is false)
     * @param kernel   side of every convolution, odd
     * @param batchNorm batch norm after every convolution
     * @param stemStride stride of the stem convolution, 1 or 2 (2 halves the image for every later layer)
     */
    public record Settings(int channels, int blocks, boolean se, int ratio, int kernel, boolean batchNorm,
                           int stemStride) {
        public Settings {
            positive("channels", channels);
            positive("blocks", blocks);
            inRange("ratio", ratio, 1, channels);
            if (se && channels / ratio < 2) {
                throw new ConfigValueException("ratio", "must leave channels / ratio >= 2 SE units with channels="
                        + channels + ", was " + ratio);
            }
            odd("kernel", kernel);
            inRange("stem_stride", stemStride, 1, 2);
        }

        /** The model's config for images of {@code shape}. */
        public SeCnnConfig config(TaskShape shape) {
            return new SeCnnConfig(shape.seqLen(), channels, blocks, se, ratio, shape.targetVocab(), kernel,
                    batchNorm, stemStride);
        }
    }

    @Override
    public String name() {
        return "se_cnn";
    }

    @Override
    public Class<Settings> settingsType() {
        return Settings.class;
    }

    @Override
    public Map<String, Object> defaults() {
        return Map.of("channels", 16, "blocks", 2, "se", true, "ratio", 4, "kernel", SeCnnConfig.DEFAULT_KERNEL,
                "batch_norm", false, "stem_stride", 1);
    }

    @Override
    public DataKind data() {
        return DataKind.IMAGES;
    }

    @Override
    public TrainableModel build(Settings s, TaskShape shape, long seed) {
        SeCnnConfig cfg = s.config(shape);
        List<String> names = SeCnnClassifier.excitationNames(cfg);
        List<TrainableModel.AttentionMap> maps = new ArrayList<>();
        for (int k = 0; k < names.size(); k++) {
            maps.add(new TrainableModel.AttentionMap(names.get(k), "block " + k + " SE excitation (ratio "
                    + s.ratio() + "), test images x channels", false));
        }
        return TrainableModel.simple(SeCnnClassifier.build(cfg, seed), SeCnnClassifier.IMAGES,
                SeCnnClassifier.LABELS, SeCnnClassifier.PROBS, SeCnnClassifier.LOSS).withMaps(maps);
    }
}
