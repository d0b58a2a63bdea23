package org.attnlab.models.se;

import org.attnlab.models.init.ParamInit;
import org.attnlab.models.support.StaticShapes;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * Squeeze-and-excitation block (Hu et al. 2018) on NCHW maps: global average pool, FC to C/r, ReLU, FC to C,
 * sigmoid, channel-wise scale.
 *
 * <p>Variables: {@code <name>/w1} [C, C/r], {@code <name>/b1} [C/r], {@code <name>/w2} [C/r, C],
 * {@code <name>/b2} [C] (FC weights are stored input-major, i.e. the transpose of a PyTorch {@code Linear} weight).
 * Named outputs: {@code <name>/excitation} [B, C] and {@code <name>/out} [B, C, H, W].
 * Initialisation: Xavier-uniform weights from {@code init}, zero biases.
 */
public final class SeBlock {
    /** Suffix of the excitation output. */
    public static final String EXCITATION = "/excitation";
    /** Suffix of the scaled output. */
    public static final String OUT = "/out";

    private SeBlock() {
    }

    /**
     * Adds an SE block over {@code x} [B, C, H, W] and returns the re-scaled maps {@code <name>/out}.
     *
     * @throws IllegalArgumentException if the static shape of {@code x} is not [*, C, *, *]
     */
    public static SDVariable build(SameDiff sd, String name, SDVariable x, SeConfig cfg, ParamInit params) {
        ParamInit init = params.as(x.dataType());
        long c = cfg.channels();
        long r = cfg.reduced();
        StaticShapes.check(name + " input", x, StaticShapes.ANY, c, StaticShapes.ANY, StaticShapes.ANY);
        SDVariable w1 = init.xavier(sd, name + "/w1", c, r, c, r);
        SDVariable b1 = init.constant(sd, name + "/b1", 0, r);
        SDVariable w2 = init.xavier(sd, name + "/w2", r, c, r, c);
        SDVariable b2 = init.constant(sd, name + "/b2", 0, c);

        SDVariable squeezed = sd.mean(name + "/squeeze", x, 2, 3);
        SDVariable hidden = sd.nn.relu(squeezed.mmul(w1).add(b1), 0);
        SDVariable excitation = sd.nn.sigmoid(name + EXCITATION, hidden.mmul(w2).add(b2));
        return x.mul(name + OUT, sd.reshape(excitation, -1, c, 1, 1));
    }
}
