package org.attnlab.models.transformer;

import java.util.function.UnaryOperator;
import org.attnlab.models.dropout.Dropout;
import org.attnlab.models.init.ParamInit;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * Wraps a sublayer with its layer norm, dropout and (optionally) a residual connection:
 * post-LN {@code norm(x + drop(f(x)))}, pre-LN {@code x + drop(f(norm(x)))}; without residual
 * {@code norm(drop(f(x)))} or {@code drop(f(norm(x)))}. The norm's parameters are {@code name + "/norm/..."}; the
 * dropout site (rate {@code cfg.dropout()}) is {@code name}.
 */
public final class SublayerConnection {
    private SublayerConnection() {
    }

    /** Applies {@code sublayer} to {@code x [B, T, dModel]} as configured by {@code cfg.norm()} and {@code cfg.residual()}. */
    public static SDVariable apply(SameDiff sd, String name, SDVariable x, UnaryOperator<SDVariable> sublayer,
                                   TransformerConfig cfg, ParamInit init) {
        String norm = name + "/norm";
        if (cfg.norm() == NormPlacement.PRE) {
            SDVariable out = dropped(sd, name, sublayer.apply(norm(sd, norm, x, cfg, init)), cfg);
            return cfg.residual() ? x.add(out) : out;
        }
        SDVariable out = dropped(sd, name, sublayer.apply(x), cfg);
        return norm(sd, norm, cfg.residual() ? x.add(out) : out, cfg, init);
    }

    /** The norm a pre-LN stack applies after its last layer; post-LN stacks return {@code x} unchanged. */
    public static SDVariable finish(SameDiff sd, String name, SDVariable x, TransformerConfig cfg, ParamInit init) {
        return cfg.norm() == NormPlacement.PRE ? norm(sd, name, x, cfg, init) : x;
    }

    private static SDVariable norm(SameDiff sd, String name, SDVariable x, TransformerConfig cfg, ParamInit init) {
        return LayerNorm.apply(sd, name, x, cfg.dModel(), cfg.layerNormEps(), init);
    }

    private static SDVariable dropped(SameDiff sd, String name, SDVariable out, TransformerConfig cfg) {
        return Dropout.apply(sd, name, out, cfg.dropout());
    }
}
