package org.attnlab.models.support;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The validation of configuration values used by every config record (models and experiments): each failure is a
 * {@link ConfigValueException} naming the key, the value and the allowed range or names.
 */
public final class ConfigChecks {
    private static final int MAX_SHOWN = 60;

    private ConfigChecks() {
    }

    /** Returns {@code value} if it lies in {@code [min, max]}. */
    public static int inRange(String key, int value, int min, int max) {
        if (value < min || value > max) {
            String range = max == Integer.MAX_VALUE ? "must be >= " + min : "must be in [" + min + ", " + max + "]";
            throw new ConfigValueException(key, range + ", was " + value);
        }
        return value;
    }

    /** Returns {@code value} if it is at least 1. */
    public static int positive(String key, int value) {
        return inRange(key, value, 1, Integer.MAX_VALUE);
    }

    /** Requires an odd {@code value >= 1} (e.g. a convolution size that keeps the image size). */
    public static int odd(String key, int value) {
        positive(key, value);
        if (value % 2 == 0) {
            throw new ConfigValueException(key, "must be odd, was " + value);
        }
        return value;
    }

    /** Requires {@code value >= 1} dividing {@code whole} (e.g. heads dividing the model size). */
    public static int dividing(String key, int value, String wholeKey, int whole) {
        positive(key, value);
        if (whole % value != 0) {
            throw new ConfigValueException(key, "must divide " + wholeKey + "=" + whole + ", was " + value);
        }
        return value;
    }

    /** Requires a finite {@code value}. */
    public static double finite(String key, double value) {
        if (!Double.isFinite(value)) {
            throw new ConfigValueException(key, "must be a finite number, was " + fmt(value));
        }
        return value;
    }

    /** Requires {@code value >= min} (NaN fails). */
    public static double atLeast(String key, double value, double min) {
        if (!(value >= min)) {
            throw new ConfigValueException(key, "must be >= " + fmt(min) + ", was " + fmt(value));
        }
        return value;
    }

    /** Requires a finite {@code value > 0}. */
    public static double positive(String key, double value) {
        if (!(value > 0.0) || Double.isInfinite(value)) {
            throw new ConfigValueException(key, "must be finite and > 0, was " + fmt(value));
        }
        return value;
    }

    /** Requires a finite {@code value >= min}. */
    public static double finiteAtLeast(String key, double value, double min) {
        if (!(value >= min) || Double.isInfinite(value)) {
            throw new ConfigValueException(key, "must be finite and >= " + fmt(min) + ", was " + fmt(value));
        }
        return value;
    }

    /** Requires {@code min < value <= max}. */
    public static double inOpenClosed(String key, double value, double min, double max) {
        if (!(value > min && value <= max)) {
            throw new ConfigValueException(key, "must be in (" + fmt(min) + ", " + fmt(max) + "], was " + fmt(value));
        }
        return value;
    }

    /** Requires a dropout rate, {@code 0 <= value < 1}. */
    public static double rate(String key, double value) {
        if (!(value >= 0 && value < 1)) {
            throw new ConfigValueException(key, "must be in [0, 1), was " + fmt(value));
        }
        return value;
    }

    /** Requires a value to be present. */
    public static <T> T present(String key, T value, String allowed) {
        if (value == null) {
            throw new ConfigValueException(key, "missing; valid: " + allowed);
        }
        return value;
    }

    /** Requires {@code value} to be one of {@code allowed} (case-insensitive); returns it in lower case. */
    public static String oneOf(String key, String value, List<String> allowed) {
        String v = value.toLowerCase(Locale.ROOT);
        if (!allowed.contains(v)) {
            throw new ConfigValueException(key, unknown(value, String.join(", ", allowed)));
        }
        return v;
    }

    /** The constant of {@code type} whose {@link #configName} is {@code value} (case-insensitive). */
    public static <E extends Enum<E>> E oneOf(String key, String value, Class<E> type) {
        String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        for (E e : type.getEnumConstants()) {
            if (configName(e).equals(v)) {
                return e;
            }
        }
        throw new ConfigValueException(key, unknown(value, names(type)));
    }

    /** How configs spell an enum constant: its name in lower case ({@code SCALED_DOT} is {@code scaled_dot}). */
    public static String configName(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }

    /** The config names of {@code type}'s constants, comma-separated, for messages. */
    public static String names(Class<? extends Enum<?>> type) {
        return String.join(", ", Arrays.stream(type.getEnumConstants()).map(ConfigChecks::configName).toList());
    }

    /** "unknown value 'v'; valid: a, b", the value cut short and without control characters. */
    public static String unknown(Object value, String allowed) {
        String v = String.valueOf(value).replaceAll("\\p{Cntrl}", "?");
        if (v.length() > MAX_SHOWN) {
            v = v.substring(0, MAX_SHOWN) + "...";
        }
        return "unknown value '" + v + "'; valid: " + allowed;
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
