package org.attnlab.bench.measure;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

/**
 * Wall-clock milliseconds of the counted steps of one case, in the order they ran, the processor time the stepping
 * thread spent in each, the speed probe timed after each (see {@link SpeedProbe}), and the Java garbage collections
 * that ran during the steps. A step whose processor time is well under its wall time waited off the processor (another
 * thread ran, or it slept); one whose processor time is as long worked longer (its own code, page faults in the
 * kernel, or a slow processor, which the probe tells).
 *
 * @param ms           one entry per counted step
 * @param cpuMs        the stepping thread's processor milliseconds in each counted step (empty: not measured)
 * @param probeMs      the probe's milliseconds after each counted step (empty: not probed)
 * @param collections  garbage collections during the counted steps, summed over the JVM's collectors (-1: not counted)
 * @param collectionMs their time in ms as the collectors report it (-1: not counted)
 * @param allocated    bytes of Java heap the stepping thread allocated during the counted steps (-1: not measured);
 *                     their garbage is what the young collections above collect
 */
public record StepTimes(double[] ms, double[] cpuMs, double[] probeMs, long collections, long collectionMs,
                        long allocated) {
    public StepTimes {
        if (ms.length == 0) {
            throw new IllegalArgumentException("ms: need at least one step");
        }
        requireNoneOrOnePerStep("cpuMs", cpuMs, ms.length);
        requireNoneOrOnePerStep("probeMs", probeMs, ms.length);
        ms = ms.clone();
        cpuMs = cpuMs.clone();
        probeMs = probeMs.clone();
    }

    /** Step times without processor times or probes, whose collections were not counted. */
    public StepTimes(double[] ms) {
        this(ms, new double[0], new double[0], -1, -1, -1);
    }

    private static void requireNoneOrOnePerStep(String name, double[] values, int steps) {
        if (values.length != 0 && values.length != steps) {
            throw new IllegalArgumentException(name + ": need none or one per step, had " + values.length + " for "
                    + steps + " steps");
        }
    }

    /** Median step time (the mean of the two middle steps for an even count). */
    public double median() {
        double[] s = ms.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    /** Fastest step. */
    public double min() {
        return Arrays.stream(ms).min().orElseThrow();
    }

    /** Slowest step. */
    public double max() {
        return Arrays.stream(ms).max().orElseThrow();
    }

    /** Java heap kB allocated per counted step (NaN: not measured). */
    public double allocatedKbPerStep() {
        return allocated < 0 ? Double.NaN : allocated / 1024.0 / ms.length;
    }

    /** The slowest probe over the fastest: how much the processor's speed changed during the steps (NaN: not probed). */
    public double probeSpread() {
        if (probeMs.length == 0) {
            return Double.NaN;
        }
        return Arrays.stream(probeMs).max().orElseThrow() / Arrays.stream(probeMs).min().orElseThrow();
    }

    /**
     * Times a {@code step} {@code warmup} times untimed, then {@code counted} times, each followed by the probe. The
     * thread's processor time is read just outside each step's wall-clock window.
     */
    public static StepTimes measure(Runnable step, int warmup, int counted) {
        if (warmup < 0 || counted < 1) {
            throw new IllegalArgumentException("warm-up must be >= 0 and counted steps >= 1, were " + warmup + ", "
                    + counted);
        }
        SpeedProbe probe = new SpeedProbe();
        for (int i = 0; i < warmup; i++) {
            step.run();
            probe.ms();
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        boolean cpuTimed = threads.isCurrentThreadCpuTimeSupported() && threads.isThreadCpuTimeEnabled();
        double[] ms = new double[counted];
        double[] cpuMs = new double[cpuTimed ? counted : 0];
        double[] probeMs = new double[counted];
        long[] before = collectionsSoFar();
        long allocatedBefore = allocatedSoFar(threads);
        for (int i = 0; i < counted; i++) {
            long c0 = cpuTimed ? threads.getCurrentThreadCpuTime() : 0;
            long t0 = System.nanoTime();
            step.run();
            ms[i] = (System.nanoTime() - t0) / 1e6;
            if (cpuTimed) {
                cpuMs[i] = (threads.getCurrentThreadCpuTime() - c0) / 1e6;
            }
            probeMs[i] = probe.ms();
        }
        long allocatedAfter = allocatedSoFar(threads);
        long[] after = collectionsSoFar();
        return new StepTimes(ms, cpuMs, probeMs, after[0] - before[0], after[1] - before[1],
                allocatedBefore < 0 ? -1 : allocatedAfter - allocatedBefore);
    }

    /** Bytes the current thread has allocated so far, or -1 where the JVM does not count them. */
    private static long allocatedSoFar(ThreadMXBean threads) {
        if (threads instanceof com.sun.management.ThreadMXBean counting && counting.isThreadAllocatedMemorySupported()
                && counting.isThreadAllocatedMemoryEnabled()) {
            return counting.getCurrentThreadAllocatedBytes();
        }
        return -1;
    }

    /** Collections so far and their milliseconds, summed over the JVM's collectors. */
    private static long[] collectionsSoFar() {
        long count = 0;
        long time = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            count += Math.max(0, gc.getCollectionCount());
            time += Math.max(0, gc.getCollectionTime());
        }
        return new long[]{count, time};
    }
}
