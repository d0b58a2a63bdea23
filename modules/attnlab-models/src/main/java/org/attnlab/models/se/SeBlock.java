package org.attnlab.models.se;

import java.util.Random;
import org.attnlab.models.support.SeededInit;
import org.attnlab.models.support.StaticShapes;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Squeeze-and-excitation block (Hu et al. 2018) on NCHW maps: global average pool, FC to C/r, ReLU, FC to C,
 * sigmoid, channel-wise scale.
 *
 * <p>Variables: {@code <name>/w1} [C, C/r], {@code <name>/b1} [C/r], {@code <name>/w2} [C/r, C],
 * {@code <name>/b2} [C] (FC weights are stored input-major, i.e. the transpose of a PyTorch {@code Linear} weight).
 * Named outputs: {@code <name>/excitation} [B, C] and {@code <name>/out} [B, C, H, W].
 * Initialisation: {@code w1} He-uniform, {@code w2} Xavier-uniform (drawn in that order from
 * {@code new Random(seed)}), biases zero.
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
    public static SDVariable build(SameDiff sd, String name, SDVariable x, SeConfig cfg, long seed) {
        long c = cfg.channels();
        long r = cfg.reduced();
        StaticShapes.check(name + " input", x, StaticShapes.ANY, c, StaticShapes.ANY, StaticShapes.ANY);
        DataType type = x.dataType();
        Random rng = new Random(seed);
        SDVariable w1 = sd.var(name + "/w1", SeededInit.heUniform(rng, type, c, c, r));
        SDVariable b1 = sd.var(name + "/b1", SeededInit.constant(type, 0, r));
        SDVariable w2 = sd.var(name + "/w2", SeededInit.xavierUniform(rng, type, r, c, r, c));
        SDVariable b2 = sd.var(name + "/b2", SeededInit.constant(type, 0, c));

        SDVariable squeezed = sd.mean(name + "/squeeze", x, 2, 3);
        SDVariable hidden = sd.nn.relu(squeezed.mmul(w1).add(b1), 0);
        SDVariable excitation = sd.nn.sigmoid(name + EXCITATION, hidden.mmul(w2).add(b2));
        return x.mul(name + OUT, sd.reshape(excitation, -1, c, 1, 1));
    }
}
