package org.attnlab.experiments.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Seed statistics and Welch's test against hand-computed values. */
class StatisticsTest {
    @Test
    void meanStdAndTInterval() {
        SeedStats s = SeedStats.of(new double[] {1, 2, 3, Double.NaN});
        assertEquals(3, s.n());
        assertEquals(2.0, s.mean(), 1e-12);
        assertEquals(1.0, s.std(), 1e-12);
        assertEquals(4.302653 / Math.sqrt(3), s.half(), 1e-5);     // t(0.975, df 2) = 4.302653
        assertEquals("2.00 ± 1.00 [-0.48, 4.48]", s.format(2));
        assertEquals("5.0", SeedStats.of(new double[] {5}).format(1));
    }

    @Test
    void welchTestTwoSided() {
        WelchTest w = WelchTest.of(new double[] {1, 2, 3}, new double[] {4, 5, 6});
        assertEquals(-3.674235, w.t(), 1e-6);                        // (2 - 5) / sqrt(1/3 + 1/3)
        assertEquals(0.021311, w.p(), 1e-5);                         // df = 4
        assertTrue(Double.isNaN(WelchTest.of(new double[] {1}, new double[] {2, 3}).p()));
    }
}
