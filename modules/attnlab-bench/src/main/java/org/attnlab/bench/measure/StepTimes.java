package org.attnlab.bench.measure;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.Arrays;

/**
 * Wall-clock milliseconds of the counted steps of one case, in the order they ran, the speed probe timed after each
 * (see {@link SpeedProbe}), and the Java garbage collections that ran during the steps.
 *
 * @param ms           one entry per counted step
 * @param probeMs      the probe's milliseconds after each counted step (empty: not probed)
 * @param collections  garbage collections during the counted steps, summed over the JVM's collectors (-1: not counted)
 * @param collectionMs their time in ms as the collectors report it (-1: not counted)
 */
public record StepTimes(double[] ms, double[] probeMs, long collections, long collectionMs) {
    public StepTimes {
        if (ms.length == 0) {
            throw new IllegalArgumentException("ms: need at least one step");
        }
        if (probeMs.length != 0 && probeMs.length != ms.length) {
            throw new IllegalArgumentException("probeMs: need none or one per step, had " + probeMs.length + " for "
                    + ms.length + " steps");
        }
        ms = ms.clone();
        probeMs = probeMs.clone();
    }

    /** Step times without probes, whose collections were not counted. */
    public StepTimes(double[] ms) {
        this(ms, new double[0], -1, -1);
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

    /** The slowest probe over the fastest: how much the processor's speed changed during the steps (NaN: not probed). */
    public double probeSpread() {
        if (probeMs.length == 0) {
            return Double.NaN;
        }
        return Arrays.stream(probeMs).max().orElseThrow() / Arrays.stream(probeMs).min().orElseThrow();
    }

    /** Times a {@code step} {@code warmup} times untimed, then {@code counted} times, each followed by the probe. */
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
        double[] ms = new double[counted];
        double[] probeMs = new double[counted];
        long[] before = collectionsSoFar();
        for (int i = 0; i < counted; i++) {
            long t0 = System.nanoTime();
            step.run();
            ms[i] = (System.nanoTime() - t0) / 1e6;
            probeMs[i] = probe.ms();
        }
        long[] after = collectionsSoFar();
        return new StepTimes(ms, probeMs, after[0] - before[0], after[1] - before[1]);
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
