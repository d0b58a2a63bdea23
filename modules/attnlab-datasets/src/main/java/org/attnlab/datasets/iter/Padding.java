package org.attnlab.datasets.iter;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;

/** Builds padded float batches and their masks from int token sequences (pad id 0). */
public final class Padding {

    private Padding() {
    }

    /** Token ids as float, [B, length], padded with 0. */
    public static INDArray indices(List<int[]> sequences, int length) {
        return indices(sequences, length, BatchArrays.NEW, 0);
    }

    /** As {@link #indices(List, int)}, in {@code slot} of {@code arrays}. */
    static INDArray indices(List<int[]> sequences, int length, BatchArrays arrays, int slot) {
        float[] data = arrays.data(slot, sequences.size() * length);
        for (int b = 0; b < sequences.size(); b++) {
            int[] s = sequences.get(b);
            for (int t = 0; t < s.length; t++) {
                data[b * length + t] = Math.max(s[t], 0);
            }
        }
        return arrays.array(slot, data, sequences.size(), length);
    }

    /** [B, length]: 1 where a sequence has a labelled token (inside its length and not {@link SequenceExample#NO_TARGET}), else 0. */
    public static INDArray mask(List<int[]> sequences, int length) {
        return mask(sequences, length, BatchArrays.NEW, 0);
    }

    /** As {@link #mask(List, int)}, in {@code slot} of {@code arrays}. */
    static INDArray mask(List<int[]> sequences, int length, BatchArrays arrays, int slot) {
        float[] data = arrays.data(slot, sequences.size() * length);
        for (int b = 0; b < sequences.size(); b++) {
            int[] s = sequences.get(b);
            for (int t = 0; t < s.length; t++) {
                data[b * length + t] = s[t] == SequenceExample.NO_TARGET ? 0f : 1f;
            }
        }
        return arrays.array(slot, data, sequences.size(), length);
    }

    /** Token labels: one-hot [B, length, vocab] (all zero at padding) or indices [B, length]. */
    public static INDArray labels(List<int[]> sequences, int length, int vocab, LabelFormat format) {
        return labels(sequences, length, vocab, format, BatchArrays.NEW, 0);
    }

    /** As {@link #labels(List, int, int, LabelFormat)}, in {@code slot} of {@code arrays}. */
    static INDArray labels(List<int[]> sequences, int length, int vocab, LabelFormat format, BatchArrays arrays,
                           int slot) {
        if (format == LabelFormat.INDEX) {
            return indices(sequences, length, arrays, slot);
        }
        float[] data = arrays.data(slot, sequences.size() * length * vocab);
        for (int b = 0; b < sequences.size(); b++) {
            int[] s = sequences.get(b);
            for (int t = 0; t < s.length; t++) {
                if (s[t] != SequenceExample.NO_TARGET) {
                    data[(b * length + t) * vocab + s[t]] = 1f;
                }
            }
        }
        return arrays.array(slot, data, sequences.size(), length, vocab);
    }

    /** Class labels: one-hot [B, classes] or indices [B, 1]. */
    public static INDArray classes(int[] classIds, int classes, LabelFormat format) {
        if (format == LabelFormat.INDEX) {
            float[] data = new float[classIds.length];
            for (int b = 0; b < classIds.length; b++) {
                data[b] = classIds[b];
            }
            return Nd4j.create(data, new long[]{classIds.length, 1}, 'c');
        }
        float[] data = new float[classIds.length * classes];
        for (int b = 0; b < classIds.length; b++) {
            data[b * classes + classIds[b]] = 1f;
        }
        return Nd4j.create(data, new long[]{classIds.length, classes}, 'c');
    }

    /** Longest sequence in the batch. */
    public static int maxLength(List<int[]> sequences) {
        int max = 0;
        for (int[] s : sequences) {
            max = Math.max(max, s.length);
        }
        return max;
    }
}
