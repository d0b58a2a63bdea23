package org.attnlab.models.transformer;

import org.attnlab.models.attention.MultiHeadAttention;
import org.attnlab.models.attention.MultiHeadConfig;
import org.attnlab.models.init.ParamInit;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * One decoder layer: causal self-attention ({@code name + "/self"}), cross-attention to the encoder memory
 * ({@code name + "/cross"}), then feed-forward ({@code name + "/ff"}), each wrapped by {@link SublayerConnection}.
 * Variables: {@code name + "/self/..."} and {@code "/cross/..."} as in {@link MultiHeadAttention}, each with its
 * {@code norm/gain, bias}, and {@code "/ff/W1, b1, W2, b2, norm/gain, norm/bias"}; PyTorch's
 * {@code nn.TransformerDecoderLayer} names them {@code self_attn.*}, {@code norm1.*}, {@code multihead_attn.*},
 * {@code norm2.*}, {@code linear1/linear2.*}, {@code norm3.*} (see {@link org.attnlab.models.weights.TorchImport}).
 */
public final class DecoderLayer {
    private DecoderLayer() {
    }

    /**
     * @param y       {@code [B, Tt, dModel]} target representations
     * @param memory  {@code [B, Ts, dModel]} encoder output
     * @param srcMask {@code [B, Ts]} 1 for real source tokens, or null
     * @param tgtMask {@code [B, Tt]} 1 for real target tokens, or null (the causal mask is always applied)
     * @return {@code [B, Tt, dModel]}
     */
    public static SDVariable build(SameDiff sd, String name, SDVariable y, SDVariable memory, SDVariable srcMask,
                                   SDVariable tgtMask, TransformerConfig cfg, ParamInit init) {
        MultiHeadConfig causal = cfg.multiHead(true);
        MultiHeadConfig cross = cfg.multiHead(false);
        String self = name + "/self";
        SDVariable h = SublayerConnection.apply(sd, self, y,
                in -> MultiHeadAttention.build(sd, self, in, in, tgtMask, causal, init), cfg, init);
        String src = name + "/cross";
        h = SublayerConnection.apply(sd, src, h,
                in -> MultiHeadAttention.build(sd, src, in, memory, srcMask, cross, init), cfg, init);
        String ff = name + "/ff";
        return SublayerConnection.apply(sd, ff, h,
                in -> FeedForward.apply(sd, ff, in, cfg.dModel(), cfg.dFf(), init), cfg, init);
    }
}
