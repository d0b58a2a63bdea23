package org.attnlab.bench.measure;

/**
 * A fixed piece of processor-only work, timed after each counted step to tell a slow step from a slow processor. On a
 * shared virtual machine a processor can run the same code at half speed for seconds while its host core is busy
 * elsewhere; the probe slows with it, and a step that is slow while the probe is fast is slow by itself.
 *
 * <p>The work: four float multiply-add chains over two arrays of 2048 floats (16 kB, held in the first-level cache),
 * repeated 24 times, about 25 us once compiled on a 3 GHz processor. The same loop runs in every process.
 */
final class SpeedProbe {
    private static final int N = 2048;
    private static final int REPEATS = 24;
    private final float[] x = new float[N];
    private final float[] y = new float[N];
    /** Keeps the loop's result alive so the compiler cannot drop the work. */
    private float sink;

    SpeedProbe() {
        for (int i = 0; i < N; i++) {
            x[i] = (i % 7) * 0.25f;
            y[i] = (i % 5) * 0.5f;
        }
    }

    /** Runs the work once; returns its wall-clock milliseconds. */
    double ms() {
        long t0 = System.nanoTime();
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        for (int r = 0; r < REPEATS; r++) {
            for (int i = 0; i < N; i += 4) {
                s0 = s0 * 0.5f + x[i] * y[i];
                s1 = s1 * 0.5f + x[i + 1] * y[i + 1];
                s2 = s2 * 0.5f + x[i + 2] * y[i + 2];
                s3 = s3 * 0.5f + x[i + 3] * y[i + 3];
            }
        }
        sink += s0 + s1 + s2 + s3;
        return (System.nanoTime() - t0) / 1e6;
    }
}
