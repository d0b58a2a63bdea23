package org.attnlab.models;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.validation.GradCheckUtil;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/** Shared helpers for graph tests: double precision, seeded inputs, forward passes, gradient checks, training. */
public final class GraphTesting {
    private GraphTesting() {
    }

    /** Switches ND4J to double precision (call from {@code @BeforeAll}). */
    public static void useDoublePrecision() {
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
    }

    /** Uniform(-1, 1) values from a seed, in double. */
    public static INDArray random(long seed, long... shape) {
        SplittableRandom rnd = new SplittableRandom(seed);
        long n = 1;
        for (long s : shape) {
            n *= s;
        }
        double[] data = new double[(int) n];
        for (int i = 0; i < data.length; i++) {
            data[i] = 2 * rnd.nextDouble() - 1;
        }
        return Nd4j.create(data, shape, DataType.DOUBLE);
    }

    /** Runs the graph (no placeholders) and returns the named output. */
    public static INDArray eval(SameDiff sd, String name) {
        return sd.output(Collections.emptyMap(), name).get(name);
    }

    /**
     * Gradient check in double precision of every trainable variable against the scalar loss
     * sum(out * fixed random weights); a plain sum would hide errors (softmax rows sum to one).
     */
    public static void assertGradientsCorrect(SameDiff sd, SDVariable out, long seed) {
        long[] shape = eval(sd, out.name()).shape();
        SDVariable loss = out.mul(sd.constant(random(seed, shape))).sum();
        sd.setLossVariables(loss);
        boolean ok = GradCheckUtil.checkGradients(sd, Map.of(), 1e-6, 1e-5, 1e-9, false, false);
        assertTrue(ok, "gradient check failed for " + out.name());
    }

    /**
     * Fits {@code sd} (its training config set) on {@code batches} until {@code accuracy} reaches {@code target}
     * (checked every 5 steps) or {@code maxSteps} have run; prints steps, accuracy and seconds, returns the accuracy.
     */
    public static double fitUntil(String task, SameDiff sd, Supplier<DataSet> batches,
                                  ToDoubleFunction<SameDiff> accuracy, double target, int maxSteps) {
        long start = System.nanoTime();
        double reached = 0;
        int step = 0;
        while (step < maxSteps && reached < target) {
            sd.fit(batches.get());
            step++;
            if (step % 5 == 0) {
                reached = accuracy.applyAsDouble(sd);
            }
        }
        System.out.printf("%s: %d steps, accuracy %.3f, %.1f s%n", task, step, reached,
                (System.nanoTime() - start) / 1e9);
        return reached;
    }
}
