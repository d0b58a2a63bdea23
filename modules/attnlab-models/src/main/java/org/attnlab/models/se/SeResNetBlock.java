package org.attnlab.models.se;

import org.attnlab.models.init.ParamInit;
import org.attnlab.models.support.StaticShapes;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * SE-ResNet basic block: {@code relu(shortcut(x) + se(conv2(relu(conv1(x)))))}, each convolution followed by
 * batch norm ({@code <conv>/bn}, see {@link org.attnlab.models.norm.BatchNorm}) when
 * {@link SeResNetConfig#batchNorm()} is set (off by default), k x k convolutions ({@link SeResNetConfig#kernel()}, 3
 * by default), SE on the residual branch before the addition, 1x1 projection shortcut when
 * {@link SeResNetConfig#projects()}. Without {@link SeResNetConfig#excite()} the SE step is left out (a plain
 * ResNet basic block).
 *
 * <p>Variables: {@code <name>/conv1/{w,b}}, {@code <name>/conv2/{w,b}} (with batch norm also
 * {@code <name>/conv1/bn/{gamma,beta}}, ...), {@code <name>/se/...} when exciting (see
 * {@link SeBlock}) and, when projecting, {@code <name>/proj/{w,b}}. Named outputs: {@code <name>/se/excitation}
 * [B, outC] when exciting and {@code <name>/out} [B, outC, H', W'] with H' = ceil(H / stride). Xavier-uniform
 * weights from {@code init}, zero biases.
 */
public final class SeResNetBlock {
    private SeResNetBlock() {
    }

    /**
     * Adds the block over {@code x} [B, inC, H, W] and returns {@code <name>/out}.
     *
     * @throws IllegalArgumentException if the static shape of {@code x} is not [*, inC, *, *]
     */
    public static SDVariable build(SameDiff sd, String name, SDVariable x, SeResNetConfig cfg, ParamInit init) {
        int in = cfg.inChannels();
        int out = cfg.outChannels();
        StaticShapes.check(name + " input", x, StaticShapes.ANY, in, StaticShapes.ANY, StaticShapes.ANY);
        boolean bn = cfg.batchNorm();
        SDVariable h = Conv2dLayer.relu(sd, name + "/conv1", x, in, out, cfg.kernel(), cfg.stride(), bn, init);
        h = Conv2dLayer.build(sd, name + "/conv2", h, out, out, cfg.kernel(), 1, bn, init);
        SDVariable shortcut = cfg.projects()
                ? Conv2dLayer.build(sd, name + "/proj", x, in, out, 1, cfg.stride(), bn, init)
                : x;
        SDVariable residual = cfg.excite() ? SeBlock.build(sd, name + "/se", h, cfg.se(), init) : h;
        return sd.nn.relu(name + "/out", residual.add(shortcut), 0);
    }
}
