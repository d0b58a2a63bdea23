package org.attnlab.datasets.iter;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

import java.util.Arrays;
import java.util.List;

/**
 * Token-level tasks (synthetic tasks, language modelling). Each batch, padded to its longest example T:
 * features [B, T] token ids as float; labels [B, T, V] one-hot (or [B, T] ids with {@link LabelFormat#INDEX});
 * features mask [B, T] (1 = real token); labels mask [B, T] (1 = labelled position).
 */
public final class SequenceDataSetIterator extends BatchedDataSetIterator {

    private final List<SequenceExample> examples;
    private final int vocabSize;

    /** Iterates {@code examples} whose token ids are below {@code vocabSize}. */
    public SequenceDataSetIterator(List<SequenceExample> examples, int vocabSize, BatchOptions options) {
        super(examples.stream().mapToInt(SequenceExample::length).toArray(), options, vocabSize, vocabSize);
        this.examples = List.copyOf(examples);
        this.vocabSize = vocabSize;
    }

    @Override
    protected DataSet batch(int[] indices) {
        List<SequenceExample> batch = Arrays.stream(indices).mapToObj(examples::get).toList();
        List<int[]> sources = batch.stream().map(SequenceExample::source).toList();
        List<int[]> targets = batch.stream().map(SequenceExample::target).toList();
        int length = Math.max(Padding.maxLength(sources), Padding.maxLength(targets));
        INDArray features = Padding.indices(sources, length);
        INDArray labels = Padding.labels(targets, length, vocabSize, labelFormat());
        return new DataSet(features, labels, Padding.mask(sources, length), Padding.mask(targets, length));
    }
}
