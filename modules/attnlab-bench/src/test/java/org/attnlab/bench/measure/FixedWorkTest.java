package org.attnlab.bench.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.management.ThreadMXBean;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/** The fixed work allocates nothing, so the spread of a step made of it owes nothing to garbage collection. */
class FixedWorkTest {
    @Test
    void allocatesNoJavaHeap() {
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        assumeTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled());
        FixedWork work = new FixedWork();
        work.run(200);
        long before = threads.getCurrentThreadAllocatedBytes();
        work.run(500);
        long after = threads.getCurrentThreadAllocatedBytes();
        assertEquals(0, after - before);
    }
}
