package org.attnlab.experiments.run;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The training batches of an ensemble's members, each from its own seed's stream, and their concatenation on the
 * batch axis (member after member), which is what an ensemble graph is fed.
 */
final class MemberBatches {
    private final List<TrainingStream> streams;

    MemberBatches(List<TrainingStream> streams) {
        this.streams = List.copyOf(streams);
    }

    /** Skips the first {@code steps} batches of every member (as a resumed ensemble must). */
    void skip(long steps) {
        streams.forEach(s -> s.skip(steps));
    }

    /** Each member's next raw batch, in member order. */
    List<MultiDataSet> next() {
        List<MultiDataSet> out = new ArrayList<>();
        streams.forEach(s -> out.add(s.next()));
        return out;
    }

    /**
     * The members' raw batches concatenated on axis 0: features, labels and their masks.
     *
     * @throws IllegalStateException when the members' batches differ in shape (an ensemble needs equal shapes)
     */
    static MultiDataSet join(List<MultiDataSet> batches) {
        MultiDataSet first = batches.get(0);
        return new org.nd4j.linalg.dataset.MultiDataSet(
                joined(batches, first.getFeatures().length, MultiDataSet::getFeatures),
                joined(batches, first.getLabels().length, MultiDataSet::getLabels),
                joinedOrNull(batches, MultiDataSet::getFeaturesMaskArrays),
                joinedOrNull(batches, MultiDataSet::getLabelsMaskArrays));
    }

    private static INDArray[] joinedOrNull(List<MultiDataSet> batches,
                                           Function<MultiDataSet, INDArray[]> part) {
        INDArray[] first = part.apply(batches.get(0));
        return first == null ? null : joined(batches, first.length, part);
    }

    private static INDArray[] joined(List<MultiDataSet> batches, int count,
                                     Function<MultiDataSet, INDArray[]> part) {
        INDArray[] out = new INDArray[count];
        for (int i = 0; i < count; i++) {
            INDArray[] pieces = new INDArray[batches.size()];
            for (int e = 0; e < pieces.length; e++) {
                INDArray[] arrays = part.apply(batches.get(e));
                pieces[e] = arrays == null ? null : arrays[i];
            }
            out[i] = concat(pieces);
        }
        return out;
    }

    private static INDArray concat(INDArray[] pieces) {
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
        return pieces.length == 1 ? pieces[0] : Nd4j.concat(0, pieces);
    }
}
