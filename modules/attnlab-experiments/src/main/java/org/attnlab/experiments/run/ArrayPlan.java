package org.attnlab.experiments.run;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Gives the arrays a recorded step creates their memory by lifetime: an array lives from the op that writes it to the
 * last op that reads it (positions in the step's op order), and arrays of the same type, order and length whose
 * lifetimes do not overlap share one buffer (greedy, in order of first write), each in its own shape. An array may
 * also be an alias: its source's buffer in its own shape.
 */
final class ArrayPlan {
    private final Map<INDArray, Slot> slots = new IdentityHashMap<>();
    private long bytes;

    /** {@code array} (its shape, type and order, read now) is written by the op at {@code position}. */
    void define(INDArray array, int position) {
        slots.put(array, new Slot(array.shape(), array.dataType(), array.ordering(), position));
    }

    /** Whether {@code array} was defined here. */
    boolean defines(INDArray array) {
        return slots.containsKey(array);
    }

    /** {@code array}, defined here, is read (or written again) by the op at {@code position}. */
    void use(INDArray array, int position) {
        for (Slot s = slots.get(array); s != null; s = s.source == null ? null : slots.get(s.source)) {
            s.last = Math.max(s.last, position);
        }
    }

    /** {@code array}, defined here, is written again by the op at {@code position} (an op working in place). */
    void write(INDArray array, int position) {
        use(array, position);
        slots.get(array).rewritten = true;
    }

    /** Whether {@code array}, defined here, is written by more than the op that defines it. */
    boolean rewritten(INDArray array) {
        return slots.get(array).rewritten;
    }

    /**
     * {@code view} (defined here, c order) gets no memory of its own: it is {@code source} (defined here, c order, of
     * the same type and length) in {@code view}'s shape, and {@code source}'s buffer lives as long as either.
     */
    void alias(INDArray view, INDArray source) {
        Slot v = slots.get(view);
        v.source = source;
        use(source, v.last);
    }

    /** The position of the last op that reads or writes {@code array}, defined here. */
    int lastUse(INDArray array) {
        return slots.get(array).last;
    }

    /** Native bytes of the arrays {@link #allocate} created. */
    long bytes() {
        return bytes;
    }

    /**
     * A new array of the same shape, type and order for each defined array; arrays of one type, order and length
     * whose lifetimes do not overlap are the same buffer, reshaped (a whole buffer, offset 0). (Views at offsets into
     * one larger buffer would pack tighter, but replays on such views did not match the session's steps for the
     * transformer and the LSTM encoder-decoder.)
     */
    Map<INDArray, INDArray> allocate() {
        Map<String, List<Slot>> byLayout = new HashMap<>();
        for (Slot s : slots.values()) {
            if (s.source != null) {
                continue;
            }
            byLayout.computeIfAbsent(s.type + ":" + s.length() + s.order, k -> new ArrayList<>()).add(s);
        }
        bytes = 0;
        for (List<Slot> group : byLayout.values()) {
            group.sort(Comparator.comparingInt(s -> s.first));
            List<Slot> owners = new ArrayList<>();
            for (Slot s : group) {
                Slot free = null;
                for (Slot o : owners) {
                    if (o.last < s.first) {
                        free = o;
                        break;
                    }
                }
                if (free == null) {
                    s.array = Nd4j.create(s.type, s.shape, s.order);
                    bytes += s.length() * s.type.width();
                    owners.add(s);
                } else {
                    s.array = Arrays.equals(free.array.shape(), s.shape) ? free.array : free.array.reshape(s.order, s.shape);
                    owners.set(owners.indexOf(free), s);
                }
            }
        }
        Map<INDArray, INDArray> placed = new IdentityHashMap<>();
        slots.forEach((recorded, s) -> placed.put(recorded, place(s)));
        return placed;
    }

    /** A slot's array: its own, or its source's in its shape. */
    private INDArray place(Slot s) {
        if (s.array == null) {
            s.array = place(slots.get(s.source)).reshape('c', s.shape);
        }
        return s.array;
    }

    /** One array's layout, lifetime and place. */
    private static final class Slot {
        final long[] shape;
        final DataType type;
        final char order;
        final int first;
        int last;
        boolean rewritten;
        INDArray source;
        INDArray array;

        Slot(long[] shape, DataType type, char order, int first) {
            this.shape = shape;
            this.type = type;
            this.order = order;
            this.first = first;
            this.last = first;
        }

        long length() {
            long n = 1;
            for (long d : shape) {
                n *= d;
            }
            return n;
        }
    }
}
