package org.attnlab.experiments.kinds;

import java.nio.FloatBuffer;
import org.attnlab.datasets.iter.BatchArrays;
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
        return targetIds(raw, BatchArrays.NEW, 0);
    }

    /** {@link #targetIds(MultiDataSet)} in {@code arrays}' slot {@code slot} (reused: valid until that slot's next use). */
    public static INDArray targetIds(MultiDataSet raw, BatchArrays arrays, int slot) {
        INDArray oneHot = raw.getLabels(0);
        float[] ids = arrays.data(slot, (int) (oneHot.size(0) * oneHot.size(1)));
        ids(oneHot, ids);
        return arrays.array(slot, ids, oneHot.size(0), oneHot.size(1)).castTo(oneHot.dataType());
    }

    /**
     * The ids of {@code [B, T, V]} one-hot labels, c-order: per position the index of its largest value (the first
     * one) times the position's sum, i.e. the label's id, or 0 where no label is set. Computed in Java: a training step
     * calls it on every batch, and the ND4J ops that say the same (argMax, sum, a product) leave a dozen native arrays
     * per batch for the garbage collector. Written into {@code ids} (one per position).
     */
    private static void ids(INDArray oneHot, float[] ids) {
        INDArray c = oneHot.ordering() == 'c' && !oneHot.isView() && oneHot.data().length() == oneHot.length()
                ? oneHot : oneHot.dup('c');
        FloatBuffer hot = c.data().asNioFloat(); // a view of the native buffer, not a copy
        int positions = (int) (c.size(0) * c.size(1));
        int classes = (int) c.size(2);
        for (int p = 0; p < positions; p++) {
            int best = 0;
            float sum = 0;
            for (int v = 0; v < classes; v++) {
                float x = hot.get(p * classes + v);
                sum += x;
                if (x > hot.get(p * classes + best)) {
                    best = v;
                }
            }
            ids[p] = best * sum;
        }
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
        return decoderInput(raw, bos, BatchArrays.NEW, 0);
    }

    /** {@link #decoderInput(MultiDataSet, int)} in {@code arrays}' slot {@code slot} (reused: valid until that slot's next use). */
    public static INDArray decoderInput(MultiDataSet raw, int bos, BatchArrays arrays, int slot) {
        if (raw.numFeatureArrays() > 1) {
            return raw.getFeatures(1);
        }
        INDArray oneHot = raw.getLabels(0);
        int t = (int) oneHot.size(1);
        float[] ids = arrays.data(slot, (int) (oneHot.size(0) * t));
        ids(oneHot, ids);
        for (int start = 0; start < ids.length; start += t) {
            System.arraycopy(ids, start, ids, start + 1, t - 1);
            ids[start] = bos;
        }
        return arrays.array(slot, ids, oneHot.size(0), t).castTo(oneHot.dataType());
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
