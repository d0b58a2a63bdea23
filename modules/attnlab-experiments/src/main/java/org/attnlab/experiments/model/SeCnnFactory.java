package org.attnlab.experiments.model;

import java.util.List;
import java.util.Map;
import org.attnlab.models.se.SeCnnClassifier;
import org.attnlab.models.se.SeCnnConfig;

/**
 * Model kind {@code se_cnn}: {@link SeCnnClassifier} on image data. With {@code se: true} each block's channel
 * excitation {@code [B, C]} is plotted for a few test images (rows: images, columns: channels).
 */
public final class SeCnnFactory implements ModelFactory<SeCnnSettings> {
    @Override
    public String kind() {
        return "se_cnn";
    }

    @Override
    public Class<SeCnnSettings> settingsType() {
        return SeCnnSettings.class;
    }

    @Override
    public Map<String, Object> defaults() {
        return Map.of("channels", 16, "blocks", 2, "se", true, "ratio", 4, "kernel", SeCnnConfig.DEFAULT_KERNEL,
                "batch_norm", false);
    }

    @Override
    public boolean classifiesImages() {
        return true;
    }

    @Override
    public TrainableModel build(SeCnnSettings s, TaskShape shape, long seed) {
        SeCnnConfig cfg = new SeCnnConfig(shape.seqLen(), s.channels(), s.blocks(), s.se(), s.ratio(),
                shape.targetVocab(), s.kernel(), s.batchNorm());
        List<String> names = SeCnnClassifier.excitationNames(cfg);
        List<TrainableModel.AttentionMap> maps = new java.util.ArrayList<>();
        for (int k = 0; k < names.size(); k++) {
            maps.add(new TrainableModel.AttentionMap(names.get(k), "block " + k + " SE excitation (ratio "
                    + s.ratio() + "), test images x channels", false));
        }
        return TrainableModel.simple(SeCnnClassifier.build(cfg, seed), SeCnnClassifier.IMAGES,
                SeCnnClassifier.LABELS, SeCnnClassifier.PROBS, SeCnnClassifier.LOSS).withMaps(maps);
    }
}
