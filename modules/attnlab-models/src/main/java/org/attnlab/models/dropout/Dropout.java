package org.attnlab.models.dropout;

import org.attnlab.models.support.ConfigChecks;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Inverted dropout whose mask is fed from outside the graph. A site called {@code site} multiplies its input by the
 * graph constant {@code site + "/dropout_mask"}: a scalar 1 between training steps (so evaluation and decoding are
 * deterministic and equal the graph without dropout), and during a training step an array of the input's shape
 * holding 0 (dropped) or {@code 1 / (1 - rate)} (kept), set by {@link DropoutMasks}. SameDiff 1.0.0-M2.1's own
 * dropout op has no training/inference switch and its random ops repeat one mask, hence this design.
 *
 * <p>Each site also records its rate ({@code site + "/dropout_rate"}, a scalar constant) and the run-time shape of
 * its input ({@code site + "/dropout_shape"}), so {@link DropoutMasks} finds every site in a built or loaded graph.
 */
public final class Dropout {
    /** Suffix of a site's mask constant. */
    public static final String MASK = "/dropout_mask";
    /** Suffix of a site's rate constant. */
    public static final String RATE = "/dropout_rate";
    /** Suffix of the output holding the shape of a site's input. */
    public static final String SHAPE = "/dropout_shape";

    private Dropout() {
    }

    /**
     * {@code x} (any shape) with dropout at {@code rate}; a rate of 0 adds nothing and returns {@code x}.
     *
     * @throws IllegalArgumentException when the rate is outside {@code [0, 1)}
     */
    public static SDVariable apply(SameDiff sd, String site, SDVariable x, double rate) {
        ConfigChecks.rate(site, rate);
        if (rate == 0.0) {
            return x;
        }
        sd.constant(site + RATE, Nd4j.scalar(DataType.DOUBLE, rate));
        sd.shape(site + SHAPE, x);
        return x.mul(sd.constant(site + MASK, Nd4j.scalar(x.dataType(), 1.0)));
    }
}
