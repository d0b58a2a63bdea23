package org.attnlab.models.se;

import org.attnlab.models.init.ParamInit;
import org.attnlab.models.norm.BatchNorm;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;

/**
 * Square NCHW convolution with PyTorch-style symmetric zero padding {@code k / 2} (odd k keeps H and W at
 * stride 1). Variables {@code <name>/w} [outC, inC, k, k] (PyTorch layout, Xavier-uniform) and {@code <name>/b}
 * [outC] (zero). The weights are permuted to ND4J's [k, k, inC, outC] inside the graph because conv2d_bp of
 * SameDiff 1.0.0-M2.1 rejects the OIYX weights format that its forward pass accepts.
 */
final class Conv2dLayer {
    private Conv2dLayer() {
    }

    static SDVariable build(SameDiff sd, String name, SDVariable x, int inC, int outC, int k, int stride,
                            ParamInit params) {
        ParamInit init = params.as(x.dataType());
        long area = (long) k * k;
        SDVariable w = init.xavier(sd, name + "/w", inC * area, outC * area, outC, inC, k, k);
        SDVariable b = init.constant(sd, name + "/b", 0, outC);
        Conv2DConfig conv = Conv2DConfig.builder()
                .kH(k).kW(k).sH(stride).sW(stride).pH(k / 2).pW(k / 2)
                .paddingMode(PaddingMode.VALID).dataFormat("NCHW").build();
        return sd.cnn.conv2d(name + "/conv", x, sd.permute(w, 2, 3, 1, 0), b, conv);
    }

    /** {@link #build} followed, when {@code batchNorm}, by {@link BatchNorm} at {@code <name>/bn}. */
    static SDVariable build(SameDiff sd, String name, SDVariable x, int inC, int outC, int k, int stride,
                            boolean batchNorm, ParamInit init) {
        SDVariable conv = build(sd, name, x, inC, outC, k, stride, init);
        return batchNorm ? BatchNorm.build(sd, name + "/bn", conv, outC, init) : conv;
    }

    /** {@link #build} followed by ReLU, named {@code <name>/relu}. */
    static SDVariable relu(SameDiff sd, String name, SDVariable x, int inC, int outC, int k, int stride,
                           ParamInit init) {
        return relu(sd, name, x, inC, outC, k, stride, false, init);
    }

    /** {@link #build} (with batch norm when {@code batchNorm}) followed by ReLU, named {@code <name>/relu}. */
    static SDVariable relu(SameDiff sd, String name, SDVariable x, int inC, int outC, int k, int stride,
                           boolean batchNorm, ParamInit init) {
        return sd.nn.relu(name + "/relu", build(sd, name, x, inC, outC, k, stride, batchNorm, init), 0);
    }
}
