package org.attnlab.models.transformer;

import org.attnlab.models.init.ParamInit;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/** Layer normalisation over the last axis of {@code [B, T, d]} with a gain (init 1) and a bias (init 0). */
public final class LayerNorm {
    private LayerNorm() {
    }

    /** Parameters are {@code name + "/gain"} and {@code name + "/bias"}, both {@code [d]}. */
    public static SDVariable apply(SameDiff sd, String name, SDVariable x, int d, ParamInit init) {
        SDVariable gain = init.constant(sd, name + "/gain", 1.0, d);
        SDVariable bias = init.constant(sd, name + "/bias", 0.0, d);
        return sd.nn.layerNorm(x, gain, bias, false, 2);
    }
}
