package org.attnlab.experiments.kinds;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** Pieces of a raw batch (see {@link TrainableModel}) that encoder-decoder kinds need. */
public final class RawBatches {
    private RawBatches() {
    }

    /** {@code [B, Ts]} source ids. */
    public static INDArray source(MultiDataSet raw) {
        return raw.getFeatures(0);
    }

    /** {@code [B, Ts]} 1 for real source tokens (all ones when the batch has no mask). */
    public static INDArray sourceMask(MultiDataSet raw) {
        INDArray m = raw.getFeaturesMaskArray(0);
        INDArray src = source(raw);
        return m != null ? m.castTo(src.dataType()) : Nd4j.onesLike(src);
    }

    /** {@code [B, Tt]} target ids, 0 (padding) where a position has no label. */
    public static INDArray targetIds(MultiDataSet raw) {
        INDArray oneHot = raw.getLabels(0);
        INDArray ids = oneHot.argMax(2).castTo(oneHot.dataType());
        INDArray labelled = oneHot.sum(2);
        return ids.muli(labelled);
    }

    /** {@code [B, Tt]} 1 where a target position carries a label. */
    public static INDArray labelMask(MultiDataSet raw) {
        INDArray m = raw.getLabelsMaskArray(0);
        INDArray oneHot = raw.getLabels(0);
        return m != null ? m.castTo(oneHot.dataType()) : oneHot.sum(2);
    }

    /**
     * {@code [B, Tt]} decoder input: the batch's own ({@code features[1]}) when it has one, else the targets shifted
     * right behind {@code bos} (teacher forcing).
     */
    public static INDArray decoderInput(MultiDataSet raw, int bos) {
        if (raw.numFeatureArrays() > 1) {
            return raw.getFeatures(1);
        }
        INDArray ids = targetIds(raw);
        long t = ids.size(1);
        INDArray out = Nd4j.valueArrayOf(ids.shape(), (double) bos, ids.dataType());
        if (t > 1) {
            out.get(NDArrayIndex.all(), NDArrayIndex.interval(1, t))
                    .assign(ids.get(NDArrayIndex.all(), NDArrayIndex.interval(0, t - 1)));
        }
        return out;
    }

    /** One-hot labels widened with zero columns to {@code classes} (for a decoder vocabulary with an added id). */
    public static INDArray oneHot(MultiDataSet raw, int classes) {
        INDArray l = raw.getLabels(0);
        if (l.size(2) == classes) {
            return l;
        }
        INDArray out = Nd4j.zeros(l.dataType(), l.size(0), l.size(1), classes);
        out.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.interval(0, l.size(2))).assign(l);
        return out;
    }
}
