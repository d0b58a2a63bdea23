package org.attnlab.bench.measure;

/**
 * A fixed piece of processor-only work, timed after each counted step to tell a slow step from a slow processor. On a
 * shared virtual machine a processor can run the same code much slower for seconds while its host core is busy
 * elsewhere; the probe slows with it, and a step that is slow while the probe is fast is slow by itself.
 *
 * <p>Such slowdowns come from work sharing the host core, which hurts code that keeps the core's units and caches
 * busy and barely touches a chain of dependent float operations (measured here: a multiply-add chain slowed 1.15x
 * while the steps beside it slowed 1.6x). So the work mixes what a training step does: an element-wise float loop the
 * compiler vectorizes, over 24 kB, and a branchy loop of table reads and writes, as an interpreter's or a session's
 * bookkeeping is. About 20 us once compiled; the same work in every process.
 */
final class SpeedProbe {
    private static final int N = 2048;
    private static final int VECTOR_REPEATS = 32;
    private static final int TABLE_STEPS = 8000;
    private final float[] x = new float[N];
    private final float[] y = new float[N];
    private final float[] z = new float[N];
    private final int[] table = new int[4096];
    /** Keeps the loops' results alive so the compiler cannot drop the work. */
    private float sink;
    private int intSink;

    SpeedProbe() {
        for (int i = 0; i < N; i++) {
            x[i] = (i % 7) * 0.25f;
            y[i] = (i % 5) * 0.5f;
        }
    }

    /** Runs the work once; returns its wall-clock milliseconds. */
    double ms() {
        long t0 = System.nanoTime();
        for (int r = 0; r < VECTOR_REPEATS; r++) {
            for (int i = 0; i < N; i++) {
                z[i] = z[i] * 0.5f + x[i] * y[i];
            }
        }
        int h = 1;
        int acc = 0;
        for (int i = 0; i < TABLE_STEPS; i++) {
            h ^= h << 13;
            h ^= h >>> 17;
            h ^= h << 5;
            int v = table[h & 4095];
            switch (h & 3) {
                case 0 -> acc += v;
                case 1 -> acc -= v >> 1;
                default -> acc ^= v;
            }
            table[(h >>> 12) & 4095] = acc;
        }
        sink += z[N - 1];
        intSink += acc;
        return (System.nanoTime() - t0) / 1e6;
    }
}
