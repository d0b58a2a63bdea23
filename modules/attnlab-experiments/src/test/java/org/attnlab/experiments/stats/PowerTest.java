package org.attnlab.experiments.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Detectable effects and seeds needed against the normal closed form and published sample-size tables. */
class PowerTest {
    @Test
    void seedsNeededMatchPublishedTables() {
        // one-sample / paired t-test, two-sided alpha 0.05, power 0.80, effect d = difference / sd:
        // Cohen (1988) and G*Power give n = 34 for d = 0.5, 15 for d = 0.8, 10 for d = 1.0
        assertEquals(34, Power.seedsNeeded(0.5, 1, 0.05, 0.8));
        assertEquals(15, Power.seedsNeeded(0.8, 1, 0.05, 0.8));
        assertEquals(10, Power.seedsNeeded(1.0, 1, 0.05, 0.8));
        assertEquals(15, Power.seedsNeeded(0.008, 0.01, 0.05, 0.8));     // same d in other units
    }

    @Test
    void largeSamplesReachTheNormalClosedForm() {
        // (z(0.975) + z(0.8)) * sd / sqrt(n) = (1.959964 + 0.841621) * 2 / 100
        assertEquals(2.801585 * 2 / 100, Power.minimumDetectableEffect(2, 10_000, 0.05, 0.8), 2e-5);
    }

    @Test
    void threeSeeds() {
        // (t(0.975, 2) + t(0.8, 2)) / sqrt(3) = (4.302653 + 1.060660) / 1.732051 (t table values)
        assertEquals(3.096510, Power.minimumDetectableEffect(1, 3, 0.05, 0.8), 1e-5);
        assertEquals(-1, Power.seedsNeeded(1e-9, 1, 0.05, 0.8));
    }
}
