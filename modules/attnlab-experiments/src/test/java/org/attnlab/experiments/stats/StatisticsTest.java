package org.attnlab.experiments.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Seed intervals and Welch's test against values computed independently (by hand and with SciPy 1.17). */
class StatisticsTest {
    private static final double T_975_DF2 = 4.302653;                  // t(0.975, df 2), any t table

    @Test
    void plainTIntervalOnTheRealScale() {
        SeedInterval s = SeedInterval.of(new double[] {1, 2, 3, Double.NaN}, Scale.REAL, 0.95);
        assertEquals(3, s.n());
        assertEquals(2.0, s.mean(), 1e-12);
        assertEquals(1.0, s.std(), 1e-12);
        assertEquals(2 - T_975_DF2 / Math.sqrt(3), s.low(), 1e-5);
        assertEquals("2.00 ± 1.00 [-0.48, 4.48]", s.format(2));
        assertEquals("5.0", SeedInterval.of(new double[] {5}, Scale.REAL, 0.95).format(1));
    }

    @Test
    void accuracyIntervalIsTheTIntervalOfTheMeanCutToZeroAndOne() {
        // 0.8 +- t(0.975, 2) * 0.1 / sqrt(3) = [0.5516, 1.0484], cut at 1
        SeedInterval s = SeedInterval.of(new double[] {0.8, 0.9, 0.7}, Scale.PROPORTION, 0.95);
        assertEquals(0.8, s.mean(), 1e-12);
        assertEquals(0.8 - T_975_DF2 * 0.1 / Math.sqrt(3), s.low(), 1e-6);
        assertEquals(1.0, s.high(), 0.0);
    }

    @Test
    void accuracyIntervalsStayInsideZeroAndOneAndHoldTheMean() {
        double[][] cases = {{1, 1, 1}, {0, 0, 0}, {1, 1, 0.999}, {0.001, 0, 0}, {1, 0.5, 0.98}, {0, 0.02, 0.5},
            {0.952, 1.0, 0.99}, {1, 0}, {0.99999, 0.99998, 0.999995}};
        for (double[] c : cases) {
            SeedInterval s = SeedInterval.of(c, Scale.PROPORTION, 0.95);
            assertTrue(s.low() >= 0 && s.high() <= 1 && s.low() <= s.mean() && s.mean() <= s.high(),
                    java.util.Arrays.toString(c) + " " + s);
        }
        assertEquals(1.0, SeedInterval.of(new double[] {1, 1, 1}, Scale.PROPORTION, 0.95).high(), 0.0);
        assertEquals(0.0, SeedInterval.of(new double[] {0, 0, 0}, Scale.PROPORTION, 0.95).low(), 0.0);
    }

    @Test
    void lossIntervalsNeverBelowZeroAndHoldTinyLosses() {
        // the plain t-interval of these losses is [-0.096, 0.242]: cut at 0
        SeedInterval s = SeedInterval.of(new double[] {0.02, 0.05, 0.15}, Scale.POSITIVE, 0.95);
        assertEquals(0.0, s.low(), 0.0);
        assertEquals(s.mean() + T_975_DF2 * s.std() / Math.sqrt(3), s.high(), 1e-6);
        // losses far below any fixed floor keep their own interval (2e-6 +- t * 1e-6 / sqrt(3))
        SeedInterval tiny = SeedInterval.of(new double[] {1e-6, 2e-6, 3e-6}, Scale.POSITIVE, 0.95);
        assertEquals(2e-6 + T_975_DF2 * 1e-6 / Math.sqrt(3), tiny.high(), 1e-12);
        assertTrue(tiny.low() <= 1e-6, tiny.toString());
    }

    @Test
    void welchTestTwoSided() {
        WelchTest w = WelchTest.of(new double[] {1, 2, 3}, new double[] {4, 5, 6}, 0.95);
        assertEquals(-3.674235, w.t(), 1e-6);                        // (2 - 5) / sqrt(1/3 + 1/3)
        assertEquals(0.021311, w.p(), 1e-5);                         // df = 4
        assertEquals(4.0, w.df(), 1e-12);
        // -3 +- t(0.975, 4) * sqrt(2/3) = -3 +- 2.776445 * 0.816497
        assertEquals(-3 - 2.776445 * 0.816497, w.low(), 1e-5);
        assertTrue(Double.isNaN(WelchTest.of(new double[] {1}, new double[] {2, 3}, 0.95).p()));
    }
}
