package org.attnlab.sweeps.prune;

import org.attnlab.sweeps.config.Direction;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MedianStoppingRuleTest {

    private static SortedMap<Long, Double> curve(double... values) {
        SortedMap<Long, Double> c = new TreeMap<>();
        for (int i = 0; i < values.length; i++) {
            c.put(i + 1L, values[i]);
        }
        return c;
    }

    /** Completed loss curves; at step 2 the values are 0.8, 0.6, 0.4 (median 0.6). */
    private static final List<SortedMap<Long, Double>> DONE = List.of(
            curve(1.0, 0.8, 0.7), curve(0.9, 0.6, 0.5), curve(0.8, 0.4, 0.3));

    @Test
    void prunesOnlyWhenWorseThanTheMedianAtTheSameStep() {
        MedianStoppingRule rule = new MedianStoppingRule(Direction.MIN, 0, 3);
        assertTrue(rule.check(2, 0.61, DONE).isPresent());
        assertFalse(rule.check(2, 0.6, DONE).isPresent());
        assertFalse(rule.check(2, 0.59, DONE).isPresent());
        assertTrue(rule.check(3, 0.51, DONE).orElseThrow().contains("median 0.5 of 3 completed trials"));
    }

    @Test
    void maximisingFlipsTheComparison() {
        MedianStoppingRule rule = new MedianStoppingRule(Direction.MAX, 0, 3);
        assertTrue(rule.check(2, 0.59, DONE).isPresent());
        assertFalse(rule.check(2, 0.61, DONE).isPresent());
    }

    @Test
    void waitsForWarmupAndEnoughTrials() {
        assertFalse(new MedianStoppingRule(Direction.MIN, 3, 3).check(2, 9.0, DONE).isPresent());
        assertTrue(new MedianStoppingRule(Direction.MIN, 3, 3).check(3, 9.0, DONE).isPresent());
        assertFalse(new MedianStoppingRule(Direction.MIN, 0, 4).check(2, 9.0, DONE).isPresent());
        assertFalse(new MedianStoppingRule(Direction.MIN, 0, 1).check(7, 9.0, DONE).isPresent(), "no peer at step 7");
    }

    @Test
    void medianOfAnEvenCountAveragesTheMiddlePair() {
        assertEquals(2.5, MedianStoppingRule.median(new double[]{1, 2, 3, 4}));
    }

    @Test
    void reporterStopsOnPruneAndOnNaN() {
        PruningReporter r = new PruningReporter(new MedianStoppingRule(Direction.MIN, 0, 3), () -> DONE);
        assertFalse(r.report(1, 0.5));
        assertTrue(r.report(2, 0.7));
        assertTrue(r.pruneReason().isPresent());
        PruningReporter nan = new PruningReporter(null, List::of);
        assertTrue(nan.report(1, Double.NaN));
        assertTrue(nan.failReason().orElseThrow().contains("NaN at step 1"));
    }
}
