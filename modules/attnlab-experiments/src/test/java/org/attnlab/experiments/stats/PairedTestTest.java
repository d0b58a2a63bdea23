package org.attnlab.experiments.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The paired t-test and the signed-rank test against published and hand-worked values. */
class PairedTestTest {
    @Test
    void studentsSleepData() {
        // Cushny & Peebles (1905) as used by "Student" (1908); R: t.test(extra ~ group, data = sleep, paired = TRUE)
        // prints t = -4.0621, df = 9, p-value = 0.002833, 95% CI [-2.4598858, -0.7001142], mean difference -1.58
        double[] drug1 = {0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0};
        double[] drug2 = {1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4};
        PairedTest r = PairedTest.of(drug1, drug2, 0.95);
        assertEquals(10, r.n());
        assertEquals(-1.58, r.meanDiff(), 1e-12);
        assertEquals(-4.0621, r.t(), 1e-4);
        assertEquals(0.002833, r.p(), 1e-6);
        assertEquals(-2.4598858, r.low(), 1e-6);
        assertEquals(-0.7001142, r.high(), 1e-6);
    }

    @Test
    void signedRankExactPValuesWorkedByHand() {
        double[] zeros = new double[6];
        // six positive differences: W- = 0, P(W- <= 0) = 1/64, two-sided 2/64
        assertEquals(2.0 / 64, PairedTest.of(new double[] {1, 2, 3, 4, 5, 6}, zeros, 0.95).wilcoxonP(), 1e-12);
        // the smallest difference negative: W- = 1, P(W- <= 1) = 2/64, two-sided 4/64
        assertEquals(4.0 / 64, PairedTest.of(new double[] {-1, 2, 3, 4, 5, 6}, zeros, 0.95).wilcoxonP(), 1e-12);
        // seven differences, rank 1 negative: P(W- <= 1) = 2/128, two-sided 4/128 (SciPy: 0.03125)
        assertEquals(4.0 / 128, PairedTest.of(new double[] {0.3, -0.1, 0.5, 0.2, 0.4, 0.6, 0.7}, new double[7], 0.95)
                .wilcoxonP(), 1e-12);
    }

    @Test
    void signedRankOnlyFromSixSeeds() {
        assertTrue(Double.isNaN(PairedTest.of(new double[] {1, 2, 3, 4, 5}, new double[5], 0.95).wilcoxonP()));
    }

    @Test
    void identicalVariantsHaveNoTest() {
        PairedTest r = PairedTest.of(new double[] {1, 1, 1}, new double[] {1, 1, 1}, 0.95);
        assertEquals(0.0, r.meanDiff(), 0);
        assertEquals(0.0, r.low(), 0);
        assertTrue(Double.isNaN(r.p()));
    }

    @Test
    void unequalLengthsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> PairedTest.of(new double[2], new double[3], 0.95));
    }

    /** The exact signed-rank p is shown only where its assumptions hold: no zero difference, no tied sizes. */
    @Test
    void signedRankNeedsDistinctNonZeroDifferences() {
        double[] b = {0, 0, 0, 0, 0, 0};
        assertEquals(2.0 / 64, PairedTest.of(new double[] {1, 2, 3, 4, 5, 6}, b, 0.95).wilcoxonP(), 1e-12);
        assertTrue(Double.isNaN(PairedTest.of(new double[] {1, 2, 3, 4, 5, 5}, b, 0.95).wilcoxonP()), "a tie");
        assertTrue(Double.isNaN(PairedTest.of(new double[] {1, 2, 3, 4, 5, -5}, b, 0.95).wilcoxonP()), "a tie in size");
        assertTrue(Double.isNaN(PairedTest.of(new double[] {0, 2, 3, 4, 5, 6}, b, 0.95).wilcoxonP()), "a zero");
    }
}
