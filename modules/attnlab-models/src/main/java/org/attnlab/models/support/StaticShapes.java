package org.attnlab.models.support;

import java.util.Arrays;
import org.nd4j.autodiff.samediff.SDVariable;

/**
 * Build-time shape checks on SameDiff variables. Only variables and placeholders carry a static shape in
 * SameDiff 1.0.0-M2.1; op outputs report none and are checked when ND4J executes them.
 */
public final class StaticShapes {
    /** Wildcard for a dimension that may take any size (including an unknown batch size). */
    public static final long ANY = -1;

    private StaticShapes() {
    }

    /**
     * Checks {@code x} against {@code expected} (use {@link #ANY} for free dimensions) when its shape is known;
     * a null {@code x} (an absent optional input) passes.
     *
     * @throws IllegalArgumentException naming the expected and the actual shape on a mismatch
     */
    public static void check(String what, SDVariable x, long... expected) {
        long[] actual = x == null ? null : x.getShape();
        if (actual != null && !matches(actual, expected)) {
            throw mismatch(what, expected, actual);
        }
    }

    /**
     * Like {@link #check} but also requires the shape to be known and returns it.
     *
     * @throws IllegalArgumentException when the shape is unknown or does not match
     */
    public static long[] require(String what, SDVariable x, long... expected) {
        long[] actual = x.getShape();
        if (actual == null) {
            throw new IllegalArgumentException(what + " must have a static shape " + describe(expected)
                    + " but '" + x.name() + "' has none (pass a placeholder or variable)");
        }
        check(what, x, expected);
        return actual;
    }

    private static boolean matches(long[] actual, long[] expected) {
        if (actual.length != expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if (expected[i] != ANY && actual[i] != ANY && actual[i] != expected[i]) {
                return false;
            }
        }
        return true;
    }

    private static IllegalArgumentException mismatch(String what, long[] expected, long[] actual) {
        return new IllegalArgumentException(
                what + " has the wrong shape: expected " + describe(expected) + " but was " + Arrays.toString(actual));
    }

    private static String describe(long[] shape) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < shape.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(shape[i] == ANY ? "*" : Long.toString(shape[i]));
        }
        return sb.append(']').toString();
    }
}
