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
    void logitIntervalOfAccuracies() {
        // logits ln 4, ln 9, ln 7/3; t-interval there, mapped back with 1 / (1 + e^-y): SciPy gives these ends
        SeedInterval s = SeedInterval.of(new double[] {0.8, 0.9, 0.7}, Scale.PROPORTION, 0.95);
        assertEquals(0.8, s.mean(), 1e-12);
        assertEquals(0.447429, s.low(), 1e-5);
        assertEquals(0.959493, s.high(), 1e-5);
    }

    @Test
    void accuracyIntervalsStayInsideZeroAndOne() {
        double[][] cases = {{1, 1, 1}, {0, 0, 0}, {1, 1, 0.999}, {0.001, 0, 0}, {1, 0.5, 0.98}, {0, 0.02, 0.5},
            {0.952, 1.0, 0.99}, {1, 0}};
        for (double[] c : cases) {
            SeedInterval s = SeedInterval.of(c, Scale.PROPORTION, 0.95);
            assertTrue(s.low() >= 0 && s.high() <= 1 && s.low() <= s.high(), java.util.Arrays.toString(c) + " " + s);
        }
        assertEquals(1.0, SeedInterval.of(new double[] {1, 1, 1}, Scale.PROPORTION, 0.95).high(), 1e-3);
        assertEquals(0.0, SeedInterval.of(new double[] {0, 0, 0}, Scale.PROPORTION, 0.95).low(), 1e-3);
    }

    @Test
    void lossIntervalsNeverBelowZero() {
        // the plain t-interval of these losses is [-0.019, 0.162]; on the log scale it stays positive
        SeedInterval s = SeedInterval.of(new double[] {0.02, 0.05, 0.15}, Scale.POSITIVE, 0.95);
        assertTrue(s.low() > 0 && s.high() > 0.15, s.toString());
        // log scale: mean of ln x = ln 0.05 +- t * sd / sqrt(3), mapped back with exp (hand-computed)
        double[] logs = {Math.log(0.02), Math.log(0.05), Math.log(0.15)};
        double m = (logs[0] + logs[1] + logs[2]) / 3;
        double sd = Math.sqrt(((logs[0] - m) * (logs[0] - m) + (logs[1] - m) * (logs[1] - m)
                + (logs[2] - m) * (logs[2] - m)) / 2);
        assertEquals(Math.exp(m - T_975_DF2 * sd / Math.sqrt(3)), s.low(), 1e-6);
        assertTrue(SeedInterval.of(new double[] {0, 0, 0.001}, Scale.POSITIVE, 0.95).low() >= 0);
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
