package org.attnlab.models.transformer;

import org.attnlab.models.init.ParamInit;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/** A stack of {@code cfg.layers()} encoder layers named {@code enc/0}, {@code enc/1}, ... */
public final class Encoder {
    /** Prefix of the encoder's names. */
    public static final String NAME = "enc";

    private Encoder() {
    }

    /** Name of layer {@code i}; its self-attention weights are {@code layerName(i) + "/self/weights"}. */
    public static String layerName(int i) {
        return NAME + "/" + i;
    }

    /** {@code x [B, Ts, dModel]} (embedded source) to the memory {@code [B, Ts, dModel]}. */
    public static SDVariable build(SameDiff sd, SDVariable x, SDVariable srcMask, TransformerConfig cfg,
                                   ParamInit init) {
        for (int i = 0; i < cfg.layers(); i++) {
            x = EncoderLayer.build(sd, layerName(i), x, srcMask, cfg, init);
        }
        return SublayerConnection.finish(sd, NAME + "/norm", x, cfg, init);
    }
}
