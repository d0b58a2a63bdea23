package org.attnlab.models.support;

import java.util.Arrays;
import java.util.Locale;

/** Validation of plain configuration values; failures name the key, the value and the valid range. */
public final class ConfigChecks {
    private ConfigChecks() {
    }

    /**
     * Returns {@code value} if it lies in {@code [min, max]}.
     *
     * @throws IllegalArgumentException naming {@code key}, the value and the range otherwise
     */
    public static int inRange(String key, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(
                    key + " = " + value + " is out of range: valid range is [" + min + ", " + max + "]");
        }
        return value;
    }

    /** Returns {@code value} if it is at least 1; otherwise throws like {@link #inRange}. */
    public static int positive(String key, int value) {
        return inRange(key, value, 1, Integer.MAX_VALUE);
    }

    /**
     * Returns {@code value} if it is a finite number.
     *
     * @throws IllegalArgumentException naming {@code key} and the value otherwise
     */
    public static double finite(String key, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(key + " = " + value + " is not valid: must be a finite number");
        }
        return value;
    }

    /**
     * Returns {@code value} if it lies in {@code (0, inf)}.
     *
     * @throws IllegalArgumentException naming {@code key} and the value otherwise
     */
    public static double positive(String key, double value) {
        if (!(value > 0.0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(key + " = " + value + " is out of range: valid range is (0, inf)");
        }
        return value;
    }

    /**
     * Returns the constant of {@code type} whose lower-case name is {@code value}.
     *
     * @throws IllegalArgumentException naming {@code key}, the value and the valid names otherwise
     */
    public static <E extends Enum<E>> E oneOf(String key, String value, Class<E> type) {
        for (E e : type.getEnumConstants()) {
            if (e.name().toLowerCase(Locale.ROOT).equals(value)) {
                return e;
            }
        }
        throw new IllegalArgumentException(key + " = " + value + " is not valid: valid names are "
                + Arrays.stream(type.getEnumConstants())
                        .map(e -> e.name().toLowerCase(Locale.ROOT)).toList());
    }
}
