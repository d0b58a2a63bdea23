package org.attnlab.models.init;

import java.util.SplittableRandom;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Seeded parameter initialisation. Each parameter draws from its own stream, seeded by the model seed and the
 * parameter's name, so a weight's initial value does not depend on the order in which a graph is built, nor on its
 * floating-point type (values are drawn in double and then stored in {@link #dataType()}). Layer builders call
 * {@link #as} with their input's type, so a graph built on double inputs has double parameters.
 */
public final class ParamInit {
    private final long seed;
    private final DataType dataType;

    /** Parameters in {@code dataType} (FLOAT, DOUBLE, ...). */
    public ParamInit(long seed, DataType dataType) {
        if (!dataType.isFPType()) {
            throw new IllegalArgumentException("dataType = " + dataType + " is not valid: needs a floating-point type");
        }
        this.seed = seed;
        this.dataType = dataType;
    }

    /** Parameters in ND4J's default floating-point type at the time of the call. */
    public ParamInit(long seed) {
        this(seed, Nd4j.defaultFloatingPointType());
    }

    public long seed() {
        return seed;
    }

    /** The type of the arrays this instance creates. */
    public DataType dataType() {
        return dataType;
    }

    /** The same seed with parameters of type {@code type} (e.g. the type of a layer's input). */
    public ParamInit as(DataType type) {
        return type == dataType ? this : new ParamInit(seed, type);
    }

    /** Xavier/Glorot uniform: U(-a, a) with a = sqrt(6 / (fanIn + fanOut)). */
    public SDVariable xavier(SameDiff sd, String name, long fanIn, long fanOut, long... shape) {
        double a = Math.sqrt(6.0 / (fanIn + fanOut));
        return sd.var(name, uniform(name, a, shape));
    }

    /** A parameter filled with one value (e.g. 1 for a layer-norm gain, 0 for a bias). */
    public SDVariable constant(SameDiff sd, String name, double value, long... shape) {
        return sd.var(name, Nd4j.valueArrayOf(shape, value, dataType));
    }

    /** Normal(0, std) samples for a parameter (e.g. embeddings). */
    public SDVariable normal(SameDiff sd, String name, double std, long... shape) {
        SplittableRandom rnd = stream(name);
        double[] data = new double[(int) length(shape)];
        for (int i = 0; i < data.length; i++) {
            data[i] = std * gaussian(rnd);
        }
        return sd.var(name, Nd4j.create(data, shape, dataType));
    }

    private INDArray uniform(String name, double a, long... shape) {
        SplittableRandom rnd = stream(name);
        double[] data = new double[(int) length(shape)];
        for (int i = 0; i < data.length; i++) {
            data[i] = (2 * rnd.nextDouble() - 1) * a;
        }
        return Nd4j.create(data, shape, dataType);
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
