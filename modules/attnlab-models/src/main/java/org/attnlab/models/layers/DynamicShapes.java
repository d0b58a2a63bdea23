package org.attnlab.models.layers;

import java.util.Arrays;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Run-time shapes ({@code LONG} vectors) of graph variables, for reshapes whose leading sizes (batch, time) are only
 * known when the graph runs: SameDiff M2.1's op outputs carry no static shape, and one graph serves every batch size
 * and length. Each shape is built once per graph and variable and then shared (it is found again by its name,
 * {@code x.name() + "/shape..."}), so layers that reshape the same tensor several times pay for one computation.
 */
public final class DynamicShapes {
    private DynamicShapes() {
    }

    /**
     * The shape of {@code x}, for use as a reshape's shape. It passes through a cast: SameDiff differentiates an op
     * fed by {@code shape_of} of a trained tensor directly (adding a zeros-like gradient and its sum to the backward
     * pass), but not one fed through another op.
     */
    public static SDVariable of(SameDiff sd, SDVariable x) {
        String name = x.name() + "/shape:cast";
        return cached(sd, name, () -> sd.castTo(name, raw(sd, x), DataType.LONG));
    }

    /** The shape of {@code x} (rank {@code rank}) with its last axis replaced by the axes {@code tail}. */
    public static SDVariable replacingLast(SameDiff sd, SDVariable x, int rank, long... tail) {
        String lead = x.name() + "/shape:" + (rank - 1);
        SDVariable leading = cached(sd, lead, () -> sd.slice(lead, raw(sd, x), new int[]{0}, rank - 1));
        return withTail(sd, leading, tail);
    }

    /** The shape of {@code x} (rank {@code rank}) without its first axis. */
    public static SDVariable tail(SameDiff sd, SDVariable x, int rank) {
        String name = x.name() + "/shape:1-";
        return cached(sd, name, () -> sd.slice(name, raw(sd, x), new int[]{1}, rank - 1));
    }

    /** The shape of {@code x} followed by the axes {@code tail}. */
    public static SDVariable appending(SameDiff sd, SDVariable x, long... tail) {
        return withTail(sd, raw(sd, x), tail);
    }

    /** {@code shape_of(x)}, for ops that take it apart (slice, concat). */
    private static SDVariable raw(SameDiff sd, SDVariable x) {
        return cached(sd, x.name() + "/shape", () -> sd.shape(x.name() + "/shape", x));
    }

    private static SDVariable withTail(SameDiff sd, SDVariable leading, long... tail) {
        String name = leading.name() + "+" + Arrays.stream(tail).mapToObj(Long::toString)
                .collect(Collectors.joining("x"));
        return cached(sd, name, () -> sd.concat(name, 0, leading, sd.constant(Nd4j.createFromArray(tail))));
    }

    private static SDVariable cached(SameDiff sd, String name, Supplier<SDVariable> create) {
        return sd.hasVariable(name) ? sd.getVariable(name) : create.get();
    }
}
