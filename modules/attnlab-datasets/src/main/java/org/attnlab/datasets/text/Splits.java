package org.attnlab.datasets.text;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * A corpus cut into train / valid / test. The valid and test sizes are {@code round(n * fraction)};
 * test takes the first items (after the shuffle, if any), valid the next, train the rest.
 */
public record Splits<T>(List<T> train, List<T> valid, List<T> test) {

    /** Items shuffled with {@code new Random(seed)} and then cut: a fixed split for a given seed. */
    public static <T> Splits<T> shuffled(List<T> items, double validFraction, double testFraction, long seed) {
        List<T> copy = new ArrayList<>(items);
        Collections.shuffle(copy, new Random(seed));
        return contiguous(copy, validFraction, testFraction);
    }

    /** Items cut in order (for running text, where neighbours must stay together). */
    public static <T> Splits<T> contiguous(List<T> items, double validFraction, double testFraction) {
        int n = items.size();
        int test = (int) Math.round(n * testFraction);
        int valid = (int) Math.round(n * validFraction);
        if (test + valid > n) {
            throw new IllegalArgumentException("valid + test fractions exceed the corpus");
        }
        return new Splits<>(List.copyOf(items.subList(test + valid, n)), List.copyOf(items.subList(test, test + valid)),
                List.copyOf(items.subList(0, test)));
    }

    /** The part named by {@code split}. */
    public List<T> get(Split split) {
        return switch (split) {
            case TRAIN -> train;
            case VALID -> valid;
            case TEST -> test;
        };
    }
}
