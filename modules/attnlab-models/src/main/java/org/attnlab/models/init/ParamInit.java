package org.attnlab.models.init;

import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
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
 *
 * <p>An ensemble instance ({@link #members}) builds E members at once: a parameter of shape {@code [...]} becomes
 * {@code [E, ...]} whose slice {@code e} is drawn from the stream of {@code seeds[e]}, i.e. equals the parameter a
 * single instance with that seed creates. Layers combine such parameters with their inputs through
 * {@link org.attnlab.models.ensemble.MemberAxis}.
 */
public final class ParamInit {
    private final long[] seeds;
    private final boolean ensemble;
    private final DataType dataType;

    /** Parameters in {@code dataType} (FLOAT, DOUBLE, ...). */
    public ParamInit(long seed, DataType dataType) {
        this(new long[]{seed}, false, dataType);
    }

    private ParamInit(long[] seeds, boolean ensemble, DataType dataType) {
        if (!dataType.isFPType()) {
            throw new IllegalArgumentException("dataType = " + dataType + " is not valid: needs a floating-point type");
        }
        this.seeds = seeds;
        this.ensemble = ensemble;
        this.dataType = dataType;
    }

    /**
     * An ensemble of {@code seeds.length} members: every parameter gets a leading member axis {@code [E, ...]},
     * slice {@code e} drawn from {@code seeds[e]}'s stream. One seed gives an ensemble of one (shape {@code [1, ...]}).
     */
    public static ParamInit members(long[] seeds, DataType dataType) {
        if (seeds.length == 0) {
            throw new IllegalArgumentException("seeds: an ensemble needs at least one member seed");
        }
        return new ParamInit(seeds.clone(), true, dataType);
    }

    /** Parameters in ND4J's default floating-point type at the time of the call. */
    public ParamInit(long seed) {
        this(seed, Nd4j.defaultFloatingPointType());
    }

    /** The seed of a single model, or of the first member of an ensemble. */
    public long seed() {
        return seeds[0];
    }

    /** True when parameters carry a leading member axis (see {@link #members}). */
    public boolean isEnsemble() {
        return ensemble;
    }

    /** E, the number of members (1 for a single model). */
    public int memberCount() {
        return seeds.length;
    }

    /** The type of the arrays this instance creates. */
    public DataType dataType() {
        return dataType;
    }

    /** The same seed with parameters of type {@code type} (e.g. the type of a layer's input). */
    public ParamInit as(DataType type) {
        return type == dataType ? this : new ParamInit(seeds, ensemble, type);
    }

    /** Xavier/Glorot uniform: U(-a, a) with a = sqrt(6 / (fanIn + fanOut)). */
    public SDVariable xavier(SameDiff sd, String name, long fanIn, long fanOut, long... shape) {
        double a = Math.sqrt(6.0 / (fanIn + fanOut));
        return sd.var(name, draw(shape, rnd -> (2 * rnd.nextDouble() - 1) * a, name));
    }

    /** A parameter filled with one value (e.g. 1 for a layer-norm gain, 0 for a bias). */
    public SDVariable constant(SameDiff sd, String name, double value, long... shape) {
        return sd.var(name, Nd4j.valueArrayOf(withMembers(shape), value, dataType));
    }

    /** Normal(0, std) samples for a parameter (e.g. embeddings). */
    public SDVariable normal(SameDiff sd, String name, double std, long... shape) {
        return sd.var(name, draw(shape, rnd -> std * gaussian(rnd), name));
    }

    /** One value per element, member after member, each member from its own seed's stream for {@code name}. */
    private INDArray draw(long[] shape, ToDoubleFunction<SplittableRandom> sample, String name) {
        int perMember = (int) length(shape);
        double[] data = new double[perMember * seeds.length];
        for (int e = 0; e < seeds.length; e++) {
            SplittableRandom rnd = stream(seeds[e], name);
            for (int i = 0; i < perMember; i++) {
                data[e * perMember + i] = sample.applyAsDouble(rnd);
            }
        }
        return Nd4j.create(data, withMembers(shape), dataType);
    }

    /** {@code shape}, preceded by the member axis for an ensemble. */
    private long[] withMembers(long[] shape) {
        if (!ensemble) {
            return shape;
        }
        long[] out = new long[shape.length + 1];
        out[0] = seeds.length;
        System.arraycopy(shape, 0, out, 1, shape.length);
        return out;
    }

    private static SplittableRandom stream(long seed, String name) {
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
