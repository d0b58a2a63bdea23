package org.attnlab.models.support;

import java.util.Random;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Reproducible weight initialisation: values are drawn in row-major order from a {@link java.util.Random},
 * so the same seed gives the same weights on every backend and data type.
 */
public final class SeededInit {
    private SeededInit() {
    }

    /** Xavier/Glorot uniform: U(-b, b) with b = sqrt(6 / (fanIn + fanOut)). */
    public static INDArray xavierUniform(Random rng, DataType type, long fanIn, long fanOut, long... shape) {
        return uniform(rng, type, Math.sqrt(6.0 / (fanIn + fanOut)), shape);
    }

    /** He/Kaiming uniform for ReLU layers: U(-b, b) with b = sqrt(6 / fanIn). */
    public static INDArray heUniform(Random rng, DataType type, long fanIn, long... shape) {
        return uniform(rng, type, Math.sqrt(6.0 / fanIn), shape);
    }

    /** An array filled with {@code value}. */
    public static INDArray constant(DataType type, double value, long... shape) {
        return Nd4j.valueArrayOf(shape, value, type);
    }

    private static INDArray uniform(Random rng, DataType type, double bound, long... shape) {
        double[] values = new double[Math.toIntExact(lengthOf(shape))];
        for (int i = 0; i < values.length; i++) {
            values[i] = (2 * rng.nextDouble() - 1) * bound;
        }
        return Nd4j.create(values, shape, DataType.DOUBLE).castTo(type);
    }

    private static long lengthOf(long[] shape) {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        return n;
    }
}
