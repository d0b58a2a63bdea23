package org.attnlab.bench.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
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
        assertThrows(IllegalArgumentException.class,
                () -> new StepTimes(new double[]{1, 2}, new double[0], new double[]{1}, 0, 0, 0));
    }

    @Test
    void countsTheJavaHeapTheStepsAllocate() {
        Object[] keep = new Object[1];
        StepTimes t = StepTimes.measure(() -> keep[0] = new byte[100 * 1024], 2, 4);
        // 100 kB per step, plus a few bytes of array header and nothing from the measuring itself
        assertTrue(t.allocatedKbPerStep() >= 100 && t.allocatedKbPerStep() < 101, "kB per step " + t.allocatedKbPerStep());
        assertTrue(Double.isNaN(new StepTimes(new double[]{1.0}).allocatedKbPerStep()), "not measured");
    }

    @Test
    void tellsWorkFromWaitingOffTheProcessor() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        StepTimes t = StepTimes.measure(() -> {
            // 20 ms of this thread's processor time, however long other threads keep it waiting
            long end = threads.getCurrentThreadCpuTime() + 20_000_000;
            while (threads.getCurrentThreadCpuTime() < end) {
                Thread.onSpinWait();
            }
            try {
                Thread.sleep(30);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }, 0, 2);
        assertEquals(2, t.cpuMs().length);
        for (int i = 0; i < 2; i++) {
            // 20 ms spinning on the processor, 30 ms asleep off it
            assertTrue(t.cpuMs()[i] >= 20, "processor ms " + t.cpuMs()[i]);
            assertTrue(t.ms()[i] - t.cpuMs()[i] >= 25, "wall ms " + t.ms()[i] + ", processor ms " + t.cpuMs()[i]);
        }
        assertThrows(IllegalArgumentException.class,
                () -> new StepTimes(new double[]{1, 2}, new double[]{1}, new double[0], 0, 0, 0));
    }
}
