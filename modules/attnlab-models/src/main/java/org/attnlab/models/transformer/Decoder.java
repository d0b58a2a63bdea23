package org.attnlab.models.transformer;

import org.attnlab.models.init.ParamInit;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/** A stack of {@code cfg.layers()} decoder layers named {@code dec/0}, {@code dec/1}, ... */
public final class Decoder {
    /** Prefix of the decoder's names. */
    public static final String NAME = "dec";

    private Decoder() {
    }

    /** Name of layer {@code i}; its weights are {@code layerName(i) + "/self/weights"} and {@code "/cross/weights"}. */
    public static String layerName(int i) {
        return NAME + "/" + i;
    }

    /** {@code y [B, Tt, dModel]} (embedded target prefix) attending to {@code memory} to {@code [B, Tt, dModel]}. */
    public static SDVariable build(SameDiff sd, SDVariable y, SDVariable memory, SDVariable srcMask,
                                   SDVariable tgtMask, TransformerConfig cfg, ParamInit init) {
        for (int i = 0; i < cfg.layers(); i++) {
            y = DecoderLayer.build(sd, layerName(i), y, memory, srcMask, tgtMask, cfg, init);
        }
        return SublayerConnection.finish(sd, NAME + "/norm", y, cfg, init);
    }
}
