package org.attnlab.datasets.iter;

import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.DataSetPreProcessor;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

import java.util.List;

/** Base of this module's DataSet iterators: walks a {@link BatchCursor} and turns each batch of indices into a DataSet. */
public abstract class BatchedDataSetIterator implements DataSetIterator {

    private final BatchCursor cursor;
    private final int inputColumns;
    private final int totalOutcomes;
    private DataSetPreProcessor preProcessor;

    /** @param lengths per-example lengths for bucketing; @param inputColumns feature width; @param totalOutcomes label width */
    protected BatchedDataSetIterator(int[] lengths, BatchOptions options, int inputColumns, int totalOutcomes) {
        this.cursor = new BatchCursor(lengths, options);
        this.inputColumns = inputColumns;
        this.totalOutcomes = totalOutcomes;
    }

    /** Builds the DataSet of the examples with these indices. */
    protected abstract DataSet batch(int[] indices);

    /** Label layout requested in the options. */
    protected LabelFormat labelFormat() {
        return cursor.options().labelFormat();
    }

    /** Number of examples per epoch. */
    public int exampleCount() {
        return cursor.exampleCount();
    }

    @Override
    public boolean hasNext() {
        return cursor.hasNext();
    }

    @Override
    public DataSet next() {
        DataSet ds = batch(cursor.next());
        if (preProcessor != null) {
            preProcessor.preProcess(ds);
        }
        return ds;
    }

    /** Not supported: the batch size is fixed by {@link BatchOptions}. */
    @Override
    public DataSet next(int num) {
        throw new UnsupportedOperationException("batch size is fixed by BatchOptions (" + batch() + ")");
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
    public boolean resetSupported() {
        return true;
    }

    @Override
    public boolean asyncSupported() {
        return false;
    }

    @Override
    public void reset() {
        cursor.reset();
    }

    @Override
    public int batch() {
        return cursor.options().batchSize();
    }

    @Override
    public void setPreProcessor(DataSetPreProcessor preProcessor) {
        this.preProcessor = preProcessor;
    }

    @Override
    public DataSetPreProcessor getPreProcessor() {
        return preProcessor;
    }

    @Override
    public List<String> getLabels() {
        return null;
    }
}
