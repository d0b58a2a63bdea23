package org.attnlab.bench.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StepTimesTest {
    @Test
    void countsTheCollectionsOfTheTimedStepsOnly() {
        int[] calls = {0};
        // the warm-up steps collect too (one or two collections per System.gc): only the 3 timed ones may count
        StepTimes t = StepTimes.measure(() -> {
            calls[0]++;
            System.gc();
        }, 2, 3);
        assertEquals(5, calls[0]);
        assertEquals(3, t.ms().length);
        assertTrue(t.collections() >= 3 && t.collections() <= 2 * 3, "collections: " + t.collections());
        assertTrue(t.collectionMs() >= 0);
        assertEquals(-1, new StepTimes(new double[]{1.0}).collections());
    }

    @Test
    void probesTheProcessorAfterEachTimedStep() {
        StepTimes t = StepTimes.measure(() -> { }, 1, 4);
        assertEquals(4, t.probeMs().length);
        for (double p : t.probeMs()) {
            assertTrue(p > 0 && Double.isFinite(p), "probe ms " + p);
        }
        assertTrue(t.probeSpread() >= 1.0, "spread " + t.probeSpread());
        assertTrue(Double.isNaN(new StepTimes(new double[]{1.0}).probeSpread()), "no probes, no spread");
        assertThrows(IllegalArgumentException.class, () -> new StepTimes(new double[]{1, 2}, new double[]{1}, 0, 0));
    }
}
