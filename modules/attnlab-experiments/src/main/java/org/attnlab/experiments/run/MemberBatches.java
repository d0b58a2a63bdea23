package org.attnlab.experiments.run;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.bytedeco.javacpp.Pointer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The training batches of an ensemble's members, each from its own seed's stream, and their concatenation on the
 * batch axis (member after member), which is what an ensemble graph is fed. A concatenation is written into the
 * previous one's arrays when their shapes and types repeat (no new arrays, no garbage per step), so a joined batch is
 * valid until the next {@link #join}.
 */
final class MemberBatches {
    private final List<TrainingStream> streams;
    /** The last joined arrays of each part: features, labels, feature masks, label masks. */
    private final INDArray[][] last = new INDArray[4][];
    /** The members' current batches, refilled by {@link #next}. */
    private final MultiDataSet[] current;
    /** The joined batch, refilled by {@link #join}. */
    private final org.nd4j.linalg.dataset.MultiDataSet joined = new org.nd4j.linalg.dataset.MultiDataSet();
    /** Scratch: one array of each member while a part is joined. */
    private INDArray[] pieces = new INDArray[0];

    MemberBatches(List<TrainingStream> streams) {
        this.streams = List.copyOf(streams);
        this.current = new MultiDataSet[streams.size()];
    }

    /** Skips the first {@code steps} batches of every member (as a resumed ensemble must). */
    void skip(long steps) {
        streams.forEach(s -> s.skip(steps));
    }

    /** Each member's next raw batch, in member order; the list is refilled by the next call. */
    List<MultiDataSet> next() {
        for (int e = 0; e < current.length; e++) {
            current[e] = streams.get(e).next();
        }
        return Arrays.asList(current);
    }

    /**
     * The members' raw batches concatenated on axis 0: features, labels and their masks; valid until the next call.
     *
     * @throws IllegalStateException when the members' batches differ in shape (an ensemble needs equal shapes)
     */
    MultiDataSet join(List<MultiDataSet> batches) {
        joined.setFeatures(joined(0, batches, MultiDataSet::getFeatures));
        joined.setLabels(joined(1, batches, MultiDataSet::getLabels));
        joined.setFeaturesMaskArrays(joined(2, batches, MultiDataSet::getFeaturesMaskArrays));
        joined.setLabelsMaskArray(joined(3, batches, MultiDataSet::getLabelsMaskArrays));
        return joined;
    }

    private INDArray[] joined(int part, List<MultiDataSet> batches, Function<MultiDataSet, INDArray[]> arrays) {
        INDArray[] first = arrays.apply(batches.get(0));
        if (first == null) {
            return null;
        }
        INDArray[] before = last[part];
        // the previous join's array of arrays is refilled (its entries become this join's)
        INDArray[] out = before != null && before.length == first.length ? before : new INDArray[first.length];
        if (pieces.length != batches.size()) {
            pieces = new INDArray[batches.size()];
        }
        for (int i = 0; i < out.length; i++) {
            for (int e = 0; e < pieces.length; e++) {
                INDArray[] own = arrays.apply(batches.get(e));
                pieces[e] = own == null ? null : own[i];
            }
            out[i] = concat(pieces, before != null && i < before.length ? before[i] : null);
        }
        last[part] = out;
        return out;
    }

    /** The pieces on axis 0, written into {@code reusable} when it has their joined shape and type. */
    private static INDArray concat(INDArray[] pieces, INDArray reusable) {
        if (pieces[0] == null) {
            return null;
        }
        for (INDArray p : pieces) {
            if (p == null || !Arrays.equals(p.shape(), pieces[0].shape())) {
                throw new IllegalStateException("ensemble members' batches differ in shape ("
                        + Arrays.toString(pieces[0].shape()) + " vs " + (p == null ? "none" : Arrays.toString(p.shape()))
                        + "); train these seeds one by one with training.ensemble: 1");
            }
        }
        if (pieces.length == 1) {
            return pieces[0];
        }
        if (reusable != null && fits(reusable, pieces)) {
            Pointer into = new Pointer(reusable.data().pointer());
            long bytes = pieces[0].length() * pieces[0].dataType().width();
            for (int e = 0; e < pieces.length; e++) {
                Pointer.memcpy(into.position(e * bytes), pieces[e].data().pointer(), bytes);
            }
            return reusable;
        }
        return Nd4j.concat(0, pieces);
    }

    /** Whether the pieces, whole c-order buffers of one type, joined have {@code into}'s shape and type. */
    private static boolean fits(INDArray into, INDArray[] pieces) {
        long[] piece = pieces[0].shape();
        if (!whole(into) || into.dataType() != pieces[0].dataType() || into.rank() != piece.length
                || into.size(0) != piece[0] * pieces.length) {
            return false;
        }
        for (int d = 1; d < piece.length; d++) {
            if (into.size(d) != piece[d]) {
                return false;
            }
        }
        for (INDArray p : pieces) {
            if (!whole(p) || p.dataType() != into.dataType()) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code a} is a c-order array that spans its whole host buffer (never on a GPU backend). */
    private static boolean whole(INDArray a) {
        return BatchedProduct.ON_CPU && RecordedStep.whole(a);
    }
}
