package org.attnlab.models.se;

import org.attnlab.models.init.ParamInit;
import org.attnlab.models.support.StaticShapes;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Pooling2DConfig;

/**
 * SE-Inception module: four branches (1x1; 1x1-3x3; 1x1-5x5; 3x3 max pool-1x1, each convolution followed by
 * ReLU, stride 1, spatial size kept) concatenated on channels in that order, then an {@link SeBlock}.
 *
 * <p>Variables: {@code <name>/b1}, {@code <name>/b3_reduce}, {@code <name>/b3}, {@code <name>/b5_reduce},
 * {@code <name>/b5}, {@code <name>/pool_proj} (each {@code /w} Xavier-uniform from {@code init} and {@code /b}
 * zero) and {@code <name>/se/...}. Named outputs: {@code <name>/concat}
 * [B, C, H, W], {@code <name>/se/excitation} [B, C] and {@code <name>/out} [B, C, H, W], C = outChannels().
 */
public final class SeInceptionModule {
    private SeInceptionModule() {
    }

    /**
     * Adds the module over {@code x} [B, inC, H, W] and returns {@code <name>/out}.
     *
     * @throws IllegalArgumentException if the static shape of {@code x} is not [*, inC, *, *]
     */
    public static SDVariable build(SameDiff sd, String name, SDVariable x, SeInceptionConfig cfg, ParamInit init) {
        int in = cfg.inChannels();
        StaticShapes.check(name + " input", x, StaticShapes.ANY, in, StaticShapes.ANY, StaticShapes.ANY);
        SDVariable b1 = Conv2dLayer.relu(sd, name + "/b1", x, in, cfg.out1x1(), 1, 1, init);
        SDVariable b3 = Conv2dLayer.relu(sd, name + "/b3_reduce", x, in, cfg.reduce3x3(), 1, 1, init);
        b3 = Conv2dLayer.relu(sd, name + "/b3", b3, cfg.reduce3x3(), cfg.out3x3(), 3, 1, init);
        SDVariable b5 = Conv2dLayer.relu(sd, name + "/b5_reduce", x, in, cfg.reduce5x5(), 1, 1, init);
        b5 = Conv2dLayer.relu(sd, name + "/b5", b5, cfg.reduce5x5(), cfg.out5x5(), 5, 1, init);
        SDVariable pool = sd.cnn.maxPooling2d(name + "/pool", x, Pooling2DConfig.builder()
                .kH(3).kW(3).sH(1).sW(1).pH(1).pW(1).paddingMode(PaddingMode.VALID).isNHWC(false).build());
        SDVariable bp = Conv2dLayer.relu(sd, name + "/pool_proj", pool, in, cfg.poolProj(), 1, 1, init);
        SDVariable concat = sd.concat(name + "/concat", 1, b1, b3, b5, bp);
        SDVariable se = SeBlock.build(sd, name + "/se", concat, cfg.se(), init);
        return sd.identity(name + "/out", se);
    }
}
