package org.attnlab.bench.measure;

import java.util.Random;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Benchmark inputs drawn from a seeded {@link Random}, so that every run sees the same values. */
public final class SeededArrays {
    private SeededArrays() {
    }

    /** A float32 array of the given shape filled with standard normal samples. */
    public static INDArray gaussian(Random rnd, long... shape) {
        long n = 1;
        for (long s : shape) {
            n *= s;
        }
        float[] data = new float[Math.toIntExact(n)];
        for (int i = 0; i < data.length; i++) {
            data[i] = (float) rnd.nextGaussian();
        }
        return Nd4j.createFromArray(data).reshape(shape);
    }
}
