package org.attnlab.models.transformer;

import org.attnlab.models.attention.MultiHeadAttention;
import org.attnlab.models.attention.MultiHeadConfig;
import org.attnlab.models.init.ParamInit;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * One encoder layer: self-attention ({@code name + "/self"}) then feed-forward ({@code name + "/ff"}), each wrapped
 * by {@link SublayerConnection}. Variables: {@code name + "/self/Wq, Wk, Wv, Wo"} (and {@code bq, bk, bv, bo} with
 * attention biases, see {@link MultiHeadAttention}), {@code "/self/norm/gain, bias"}, {@code "/ff/W1, b1, W2, b2"}
 * (see {@link FeedForward}) and {@code "/ff/norm/gain, bias"}; PyTorch's {@code nn.TransformerEncoderLayer} names
 * them {@code self_attn.*}, {@code norm1.*}, {@code linear1/linear2.*}, {@code norm2.*} (see
 * {@link org.attnlab.models.weights.TorchImport}).
 */
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
        MultiHeadConfig att = cfg.multiHead(false);
        String self = name + "/self";
        SDVariable h = SublayerConnection.apply(sd, self, x,
                in -> MultiHeadAttention.build(sd, self, in, in, srcMask, att, init), cfg, init);
        String ff = name + "/ff";
        return SublayerConnection.apply(sd, ff, h,
                in -> FeedForward.apply(sd, ff, in, cfg.dModel(), cfg.dFf(), init), cfg, init);
    }
}
