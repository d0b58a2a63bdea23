package org.attnlab.models.transformer;

import java.util.function.UnaryOperator;
import org.attnlab.models.init.ParamInit;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * Wraps a sublayer with its layer norm and (optionally) a residual connection:
 * post-LN {@code norm(x + f(x))}, pre-LN {@code x + f(norm(x))}; without residual {@code norm(f(x))} or
 * {@code f(norm(x))}. The norm's parameters are {@code name + "/norm/..."}.
 */
public final class SublayerConnection {
    private SublayerConnection() {
    }

    /** Applies {@code sublayer} to {@code x [B, T, dModel]} as configured by {@code cfg.norm()} and {@code cfg.residual()}. */
    public static SDVariable apply(SameDiff sd, String name, SDVariable x, UnaryOperator<SDVariable> sublayer,
                                   TransformerConfig cfg, ParamInit init) {
        String norm = name + "/norm";
        if (cfg.normPlacement() == NormPlacement.PRE) {
            SDVariable out = sublayer.apply(LayerNorm.apply(sd, norm, x, cfg.dModel(), init));
            return cfg.residual() ? x.add(out) : out;
        }
        SDVariable out = sublayer.apply(x);
        return LayerNorm.apply(sd, norm, cfg.residual() ? x.add(out) : out, cfg.dModel(), init);
    }

    /** The norm a pre-LN stack applies after its last layer; post-LN stacks return {@code x} unchanged. */
    public static SDVariable finish(SameDiff sd, String name, SDVariable x, TransformerConfig cfg, ParamInit init) {
        return cfg.normPlacement() == NormPlacement.PRE ? LayerNorm.apply(sd, name, x, cfg.dModel(), init) : x;
    }
}
