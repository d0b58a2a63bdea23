package org.attnlab.models.init;

import java.util.SplittableRandom;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Seeded parameter initialisation. Each parameter draws from its own stream, seeded by the model seed and the
 * parameter's name, so a weight's initial value does not depend on the order in which a graph is built.
 * Arrays use ND4J's default floating-point type (set it to DOUBLE for gradient checks).
 */
public final class ParamInit {
    private final long seed;

    public ParamInit(long seed) {
        this.seed = seed;
    }

    public long seed() {
        return seed;
    }

    /** Xavier/Glorot uniform: U(-a, a) with a = sqrt(6 / (fanIn + fanOut)). */
    public SDVariable xavier(SameDiff sd, String name, long fanIn, long fanOut, long... shape) {
        double a = Math.sqrt(6.0 / (fanIn + fanOut));
        return sd.var(name, uniform(name, a, shape));
    }

    /** A parameter filled with one value (e.g. 1 for a layer-norm gain, 0 for a bias). */
    public SDVariable constant(SameDiff sd, String name, double value, long... shape) {
        return sd.var(name, Nd4j.valueArrayOf(shape, value, Nd4j.defaultFloatingPointType()));
    }

    /** Normal(0, std) samples for a parameter (e.g. embeddings). */
    public SDVariable normal(SameDiff sd, String name, double std, long... shape) {
        SplittableRandom rnd = stream(name);
        double[] data = new double[(int) length(shape)];
        for (int i = 0; i < data.length; i++) {
            data[i] = std * gaussian(rnd);
        }
        return sd.var(name, Nd4j.create(data, shape, Nd4j.defaultFloatingPointType()));
    }

    private INDArray uniform(String name, double a, long... shape) {
        SplittableRandom rnd = stream(name);
        double[] data = new double[(int) length(shape)];
        for (int i = 0; i < data.length; i++) {
            data[i] = (2 * rnd.nextDouble() - 1) * a;
        }
        return Nd4j.create(data, shape, Nd4j.defaultFloatingPointType());
    }

    private SplittableRandom stream(String name) {
        return new SplittableRandom(seed * 0x9E3779B97F4A7C15L ^ name.hashCode());
    }

    private static double gaussian(SplittableRandom rnd) {
        double u1 = 1.0 - rnd.nextDouble();
        double u2 = rnd.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }

    private static long length(long[] shape) {
        long n = 1;
        for (long s : shape) {
            n *= s;
        }
        return n;
    }
}
