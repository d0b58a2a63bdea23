package org.attnlab.models.transformer;

import org.attnlab.models.attention.MultiHeadAttention;
import org.attnlab.models.attention.MultiHeadConfig;
import org.attnlab.models.init.ParamInit;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/** One encoder layer: self-attention ({@code name + "/self"}) then feed-forward ({@code name + "/ff"}). */
public final class EncoderLayer {
    private EncoderLayer() {
    }

    /**
     * @param x       {@code [B, Ts, dModel]}
     * @param srcMask {@code [B, Ts]} 1 for real source tokens, or null
     * @return {@code [B, Ts, dModel]}
     */
    public static SDVariable build(SameDiff sd, String name, SDVariable x, SDVariable srcMask, TransformerConfig cfg,
                                   ParamInit init) {
        MultiHeadConfig att = new MultiHeadConfig(cfg.dModel(), cfg.heads(), cfg.attention(), false);
        String self = name + "/self";
        SDVariable h = SublayerConnection.apply(sd, self, x,
                in -> MultiHeadAttention.build(sd, self, in, in, srcMask, att, init), cfg, init);
        String ff = name + "/ff";
        return SublayerConnection.apply(sd, ff, h,
                in -> FeedForward.apply(sd, ff, in, cfg.dModel(), cfg.dFf(), init), cfg, init);
    }
}
