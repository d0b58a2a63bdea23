package org.attnlab.datasets.iter;

import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.DataSetPreProcessor;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

import java.util.List;

/** Base of this module's DataSet iterators: each batch of indices from the cursor becomes a DataSet. */
public abstract class BatchedDataSetIterator extends CursorIterator<DataSet, DataSetPreProcessor>
        implements DataSetIterator {

    private final int inputColumns;
    private final int totalOutcomes;

    /** @param lengths per-example lengths for bucketing; @param inputColumns feature width; @param totalOutcomes label width */
    protected BatchedDataSetIterator(int[] lengths, BatchOptions options, int inputColumns, int totalOutcomes) {
        super(lengths, options, DataSetPreProcessor::preProcess);
        this.inputColumns = inputColumns;
        this.totalOutcomes = totalOutcomes;
    }

    /** Label layout requested in the options. */
    protected LabelFormat labelFormat() {
        return options().labelFormat();
    }

    @Override
    public int inputColumns() {
        return inputColumns;
    }

    @Override
    public int totalOutcomes() {
        return totalOutcomes;
    }

    @Override
    public int batch() {
        return options().batchSize();
    }

    @Override
    public List<String> getLabels() {
        return null;
    }
}
