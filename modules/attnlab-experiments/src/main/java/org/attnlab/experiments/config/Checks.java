package org.attnlab.experiments.config;

import java.util.List;
import java.util.Locale;
import org.attnlab.config.Excerpt;

/** Range checks for config records; each failure names the key. */
public final class Checks {
    private Checks() {
    }

    /** Requires {@code value >= min}. */
    public static void atLeast(String key, double value, double min) {
        if (!(value >= min)) {
            throw new ConfigValueException(key, "must be >= " + fmt(min) + ", was " + fmt(value));
        }
    }

    /** Requires {@code min < value <= max}. */
    public static void inOpenClosed(String key, double value, double min, double max) {
        if (!(value > min && value <= max)) {
            throw new ConfigValueException(key, "must be in (" + fmt(min) + ", " + fmt(max) + "], was " + fmt(value));
        }
    }

    /** Requires a dropout rate, {@code 0 <= value < 1}. */
    public static void rate(String key, double value) {
        if (!(value >= 0 && value < 1)) {
            throw new ConfigValueException(key, "must be in [0, 1), was " + fmt(value));
        }
    }

    /** Requires {@code value} to be one of {@code allowed} (case-insensitive); returns it in lower case. */
    public static String oneOf(String key, String value, List<String> allowed) {
        String v = value.toLowerCase(Locale.ROOT);
        if (!allowed.contains(v)) {
            throw new ConfigValueException(key, "unknown value '" + Excerpt.of(value) + "'; valid: " + String.join(", ", allowed));
        }
        return v;
    }

    /** Requires an attention score function name; returns its canonical config name. */
    public static String scoreFunction(String key, String value) {
        try {
            return org.attnlab.models.attention.ScoreFunction.fromName(value).configName();
        } catch (IllegalArgumentException e) {
            throw new ConfigValueException(key, e.getMessage());
        }
    }

    /** Requires an additive-score initialisation name; returns its canonical config name. */
    public static String additiveInit(String key, String value) {
        try {
            return org.attnlab.models.attention.AdditiveInit.fromName(value).configName();
        } catch (IllegalArgumentException e) {
            throw new ConfigValueException(key, "unknown value '" + Excerpt.of(value) + "'; valid: "
                    + org.attnlab.models.attention.AdditiveInit.validNames());
        }
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
