package org.attnlab.bench.measure;

/**
 * A fixed piece of processor-only work that mixes what a training step does: an element-wise float loop the compiler
 * vectorizes, over 24 kB, and a branchy loop of table reads and writes, as an interpreter's or a session's bookkeeping
 * is. About 20 us once compiled; the same work in every process. It allocates nothing.
 */
public final class FixedWork {
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

    /** The work's arrays, filled the same way in every process. */
    public FixedWork() {
        for (int i = 0; i < N; i++) {
            x[i] = (i % 7) * 0.25f;
            y[i] = (i % 5) * 0.5f;
        }
    }

    /** Does the work {@code times} times over. */
    public void run(int times) {
        for (int k = 0; k < times; k++) {
            once();
        }
    }

    private void once() {
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
    }
}
