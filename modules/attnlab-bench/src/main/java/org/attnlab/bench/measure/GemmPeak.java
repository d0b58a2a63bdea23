package org.attnlab.bench.measure;

import java.util.Random;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.reduce.Mmul;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The matrix-multiply rate this process reaches: ND4J {@code gemm} of two float32 {@code [n, n]} matrices into a
 * preallocated output, {@code 2 n^3} FLOPs per call. Cases report their GFLOP/s as a fraction of it. The rate and the
 * error of libnd4j's {@code matmul} op in other floating-point types can be measured too.
 */
public final class GemmPeak {
    /** Seed of the inputs the suite measures on. */
    public static final long SEED = 7;

    private GemmPeak() {
    }

    /** Median GFLOP/s over {@code counted} calls after {@code warmup}, inputs drawn from {@code seed}. */
    public static double gflops(int n, int warmup, int counted, long seed) {
        INDArray[] ab = inputs(n, DataType.FLOAT, seed);
        INDArray c = Nd4j.create(DataType.FLOAT, new long[]{n, n}, 'f');
        StepTimes t = StepTimes.measure(() -> Nd4j.gemm(ab[0], ab[1], c, false, false, 1.0, 0.0), warmup, counted);
        return Flops.matmul(n, n, n) / (t.median() * 1e6);
    }

    /**
     * The rate of libnd4j's {@code matmul} op, the one a graph's products run, with inputs and output in {@code type};
     * otherwise as {@link #gflops(int, int, int, long)}.
     */
    public static double matmulGflops(int n, DataType type, int warmup, int counted, long seed) {
        INDArray[] ab = inputs(n, type, seed);
        INDArray c = Nd4j.create(type, n, n);
        StepTimes t = StepTimes.measure(() -> Nd4j.exec(new Mmul(ab[0], ab[1], c, null)), warmup, counted);
        return Flops.matmul(n, n, n) / (t.median() * 1e6);
    }

    /**
     * {@code ||C - C32|| / ||C32||} (Frobenius norms) of the {@code matmul} product {@code C} in {@code type} against
     * the float32 product {@code C32} of the same inputs (already rounded to {@code type}): the error of accumulating
     * and storing in {@code type}, not of rounding the inputs.
     */
    public static double relativeError(int n, DataType type, long seed) {
        INDArray[] ab = inputs(n, type, seed);
        INDArray c = Nd4j.create(type, n, n);
        Nd4j.exec(new Mmul(ab[0], ab[1], c, null));
        INDArray exact = Nd4j.create(DataType.FLOAT, n, n);
        Nd4j.exec(new Mmul(ab[0].castTo(DataType.FLOAT), ab[1].castTo(DataType.FLOAT), exact, null));
        return c.castTo(DataType.FLOAT).sub(exact).norm2Number().doubleValue() / exact.norm2Number().doubleValue();
    }

    private static INDArray[] inputs(int n, DataType type, long seed) {
        Random rnd = new Random(seed);
        return new INDArray[]{SeededArrays.gaussian(rnd, n, n).castTo(type),
                SeededArrays.gaussian(rnd, n, n).castTo(type)};
    }
}
