package org.attnlab.datasets.iter;

import org.nd4j.linalg.dataset.DataSet;

import java.util.Arrays;
import java.util.List;

/**
 * Sequence classification. Each batch, padded to its longest example T: features [B, T] token ids as float,
 * features mask [B, T], labels [B, C] one-hot (or [B, 1] class ids with {@link LabelFormat#INDEX}), no labels mask.
 */
public final class ClassificationDataSetIterator extends BatchedDataSetIterator {

    private final List<int[]> tokens;
    private final int[] classes;
    private final int numClasses;

    /** Iterates token sequences {@code tokens} with class ids {@code classes} (same order). */
    public ClassificationDataSetIterator(List<int[]> tokens, int[] classes, int vocabSize, int numClasses,
                                         BatchOptions options) {
        super(tokens.stream().mapToInt(t -> t.length).toArray(), options, vocabSize, numClasses);
        if (tokens.size() != classes.length) {
            throw new IllegalArgumentException(tokens.size() + " sequences but " + classes.length + " labels");
        }
        this.tokens = List.copyOf(tokens);
        this.classes = classes.clone();
        this.numClasses = numClasses;
    }

    @Override
    protected DataSet batch(int[] indices) {
        List<int[]> batch = Arrays.stream(indices).mapToObj(tokens::get).toList();
        int length = Padding.maxLength(batch);
        int[] ids = Arrays.stream(indices).map(i -> classes[i]).toArray();
        return new DataSet(Padding.indices(batch, length), Padding.classes(ids, numClasses, labelFormat()),
                Padding.mask(batch, length), null);
    }
}
