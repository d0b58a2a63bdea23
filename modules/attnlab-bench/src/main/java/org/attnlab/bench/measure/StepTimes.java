package org.attnlab.bench.measure;

import java.util.Arrays;

/**
 * Wall-clock milliseconds of the counted steps of one case, in the order they ran.
 *
 * @param ms one entry per counted step
 */
public record StepTimes(double[] ms) {
    public StepTimes {
        if (ms.length == 0) {
            throw new IllegalArgumentException("ms: need at least one step");
        }
        ms = ms.clone();
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

    /** Times a {@code step} {@code warmup} times untimed, then {@code counted} times. */
    public static StepTimes measure(Runnable step, int warmup, int counted) {
        if (warmup < 0 || counted < 1) {
            throw new IllegalArgumentException("warm-up must be >= 0 and counted steps >= 1, were " + warmup + ", "
                    + counted);
        }
        for (int i = 0; i < warmup; i++) {
            step.run();
        }
        double[] ms = new double[counted];
        for (int i = 0; i < counted; i++) {
            long t0 = System.nanoTime();
            step.run();
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        return new StepTimes(ms);
    }
}
