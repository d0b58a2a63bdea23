package org.attnlab.experiments.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

/** Holm's correction on fixed p-vectors, adjusted by hand. */
class HolmTest {
    @Test
    void stepDownWithMonotoneMaximum() {
        // sorted 0.005, 0.01, 0.03, 0.04 times 4, 3, 2, 1 = 0.02, 0.03, 0.06, 0.04 -> running max 0.02, 0.03, 0.06,
        // 0.06 (R: p.adjust(c(0.01, 0.04, 0.03, 0.005), "holm") = 0.03 0.06 0.06 0.02)
        assertArrayEquals(new double[] {0.03, 0.06, 0.06, 0.02}, Holm.adjust(new double[] {0.01, 0.04, 0.03, 0.005}),
                1e-12);
    }

    @Test
    void capsAtOneAndSkipsMissing() {
        // m = 2 finite values: 0.3 * 2 = 0.6, 0.7 * 1 -> 0.7
        assertArrayEquals(new double[] {0.7, Double.NaN, 0.6}, Holm.adjust(new double[] {0.7, Double.NaN, 0.3}), 1e-12);
        assertArrayEquals(new double[] {1, 1}, Holm.adjust(new double[] {0.6, 0.9}), 1e-12);
    }
}
