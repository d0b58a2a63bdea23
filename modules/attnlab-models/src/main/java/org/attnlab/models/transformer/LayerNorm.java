package org.attnlab.models.transformer;

import org.attnlab.models.layers.DynamicShapes;
import org.attnlab.models.init.ParamInit;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * Layer normalisation over the last axis of a rank-3 input, as PyTorch's {@code nn.LayerNorm}:
 * {@code (x - mean) / sqrt(var + eps) * gain + bias}, with the biased (population) variance. Written from plain ops
 * because SameDiff 1.0.0-M2.1's {@code layerNorm} has no epsilon (a row {@code [1e-3, -1e-3]} normalises to
 * {@code [1, -1]} there, to {@code [0.3015, -0.3015]} with eps 1e-5).
 */
public final class LayerNorm {
    /** PyTorch's default epsilon. */
    public static final double DEFAULT_EPS = 1e-5;

    private LayerNorm() {
    }

    /**
     * {@code x [B, T, d]} normalised over its last axis; parameters {@code name + "/gain"} (init 1) and
     * {@code name + "/bias"} (init 0), both {@code [d]} in the type of {@code x}; the result is {@code name + "/out"}.
     *
     * @param eps added to the variance, {@code >= 0}
     */
    public static SDVariable apply(SameDiff sd, String name, SDVariable x, int d, double eps, ParamInit init) {
        ParamInit p = init.as(x.dataType());
        SDVariable gain = p.constant(sd, name + "/gain", 1.0, d);
        SDVariable bias = p.constant(sd, name + "/bias", 0.0, d);
        SDVariable centred = x.sub(sd.mean(x, true, 2));
        SDVariable variance = sd.mean(centred.mul(centred), true, 2);
        SDVariable normalised = centred.div(sd.math.sqrt(variance.add(eps)));
        if (!p.isEnsemble()) {
            return sd.math.add(name + "/out", normalised.mul(gain), bias);
        }
        // Each member's rows [E, B*T, d] scaled by its own gain and shifted by its own bias, in one reshape each way.
        SDVariable members = sd.reshape(normalised, p.memberCount(), -1, d);
        SDVariable affine = members.mul(sd.expandDims(gain, 1)).add(sd.expandDims(bias, 1));
        return sd.reshape(name + "/out", affine, DynamicShapes.of(sd, x));
    }
}
