package org.attnlab.datasets.iter;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

import java.util.ArrayList;
import java.util.List;

/**
 * Token-level tasks (synthetic tasks, language modelling). Each batch, padded to its longest example or to a fixed
 * length T:
 * features [B, T] token ids as float; labels [B, T, V] one-hot (or [B, T] ids with {@link LabelFormat#INDEX});
 * features mask [B, T] (1 = real token); labels mask [B, T] (1 = labelled position). With reused arrays
 * ({@link BatchOptions#reuseArrays}) every batch is the same DataSet, refilled: valid until the next batch.
 */
public final class SequenceDataSetIterator extends BatchedDataSetIterator {

    private final List<SequenceExample> examples;
    private final int vocabSize;
    private final int padTo;
    private final BatchArrays arrays;
    /** The batch's source and target sequences, refilled per batch. */
    private final List<int[]> sources = new ArrayList<>();
    private final List<int[]> targets = new ArrayList<>();
    /** With reused arrays, the one DataSet every batch is written into. */
    private final DataSet reused = new DataSet();

    /** Iterates {@code examples} whose token ids are below {@code vocabSize}; a batch is as long as its longest example. */
    public SequenceDataSetIterator(List<SequenceExample> examples, int vocabSize, BatchOptions options) {
        this(examples, vocabSize, options, 0);
    }

    /**
     * As {@link #SequenceDataSetIterator(List, int, BatchOptions)}, every batch padded to at least {@code padTo}
     * positions (0 = its longest example), so that batches of examples of several lengths share one shape.
     */
    public SequenceDataSetIterator(List<SequenceExample> examples, int vocabSize, BatchOptions options, int padTo) {
        super(examples.stream().mapToInt(SequenceExample::length).toArray(), options, vocabSize, vocabSize);
        if (padTo < 0) {
            throw new IllegalArgumentException("padTo must be >= 0, was " + padTo);
        }
        this.examples = List.copyOf(examples);
        this.vocabSize = vocabSize;
        this.padTo = padTo;
        this.arrays = new BatchArrays(options.reuseArrays(), 4);
    }

    @Override
    protected DataSet batch(int[] indices) {
        sources.clear();
        targets.clear();
        for (int i : indices) {
            sources.add(examples.get(i).source());
            targets.add(examples.get(i).target());
        }
        int length = Math.max(padTo, Math.max(Padding.maxLength(sources), Padding.maxLength(targets)));
        INDArray features = Padding.indices(sources, length, arrays, 0);
        INDArray labels = Padding.labels(targets, length, vocabSize, labelFormat(), arrays, 1);
        INDArray featuresMask = Padding.mask(sources, length, arrays, 2);
        INDArray labelsMask = Padding.mask(targets, length, arrays, 3);
        if (!options().reuseArrays()) {
            return new DataSet(features, labels, featuresMask, labelsMask);
        }
        reused.setFeatures(features);
        reused.setLabels(labels);
        reused.setFeaturesMaskArray(featuresMask);
        reused.setLabelsMaskArray(labelsMask);
        return reused;
    }
}
