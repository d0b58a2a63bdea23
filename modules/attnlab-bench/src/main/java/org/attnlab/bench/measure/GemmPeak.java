package org.attnlab.bench.measure;

import java.util.Random;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The matrix-multiply rate this process reaches: ND4J {@code gemm} of two float32 {@code [n, n]} matrices into a
 * preallocated output, {@code 2 n^3} FLOPs per call. Cases report their GFLOP/s as a fraction of it.
 */
public final class GemmPeak {
    private GemmPeak() {
    }

    /** Median GFLOP/s over {@code counted} calls after {@code warmup}, inputs drawn from {@code seed}. */
    public static double gflops(int n, int warmup, int counted, long seed) {
        Random rnd = new Random(seed);
        INDArray a = SeededArrays.gaussian(rnd, n, n);
        INDArray b = SeededArrays.gaussian(rnd, n, n);
        INDArray c = Nd4j.create(DataType.FLOAT, new long[]{n, n}, 'f');
        StepTimes t = StepTimes.measure(() -> Nd4j.gemm(a, b, c, false, false, 1.0, 0.0), warmup, counted);
        return Flops.matmul(n, n, n) / (t.median() * 1e6);
    }
}
