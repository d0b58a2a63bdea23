package org.attnlab.models.attention;

import java.util.Arrays;
import org.nd4j.autodiff.samediff.SDVariable;

/** Build-time shape checks with messages that name the input, the expected and the actual shape. */
final class Shapes {
    private Shapes() {
    }

    /**
     * Checks rank and feature size of a {@code [batch, time, features]} input where the graph knows them (shapes
     * that depend on placeholders are only known at run time); returns the feature size.
     */
    static long features(String what, SDVariable x, long expectedFeatures) {
        long[] shape = x.getShape();
        if (shape == null && expectedFeatures > 0) {
            return expectedFeatures;
        }
        if (shape == null || shape.length != 3) {
            throw new IllegalArgumentException(what + ": expected shape [batch, time, "
                    + (expectedFeatures > 0 ? expectedFeatures : "features") + "], got "
                    + (shape == null ? "an unknown shape" : Arrays.toString(shape)));
        }
        long f = shape[2];
        if (f <= 0) {
            throw new IllegalArgumentException(what + ": the feature size must be known at build time, got shape "
                    + Arrays.toString(shape));
        }
        if (expectedFeatures > 0 && f != expectedFeatures) {
            throw new IllegalArgumentException(what + ": expected shape [batch, time, " + expectedFeatures + "], got "
                    + Arrays.toString(shape));
        }
        return f;
    }

    /**
     * Checks that a key padding mask is {@code [batch, Tk]} where its shape is known (a mask computed by an op,
     * e.g. from token ids, has no static shape and is checked when ND4J executes it).
     */
    static void keyMask(SDVariable mask) {
        long[] shape = mask == null ? null : mask.getShape();
        if (shape != null && shape.length != 2) {
            throw new IllegalArgumentException("keyMask: expected shape [batch, keyTime], got " + Arrays.toString(shape));
        }
    }
}
