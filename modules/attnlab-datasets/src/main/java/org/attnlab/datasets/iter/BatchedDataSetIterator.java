package org.attnlab.datasets.iter;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.DataSetPreProcessor;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.nd4j.linalg.dataset.api.MultiDataSetPreProcessor;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.dataset.api.iterator.MultiDataSetIterator;

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

    /**
     * These batches as a MultiDataSetIterator, each DataSet as {@link DataSet#toMultiDataSet} gives it (one features
     * array, one labels array, their masks). With reused arrays ({@link BatchOptions#reuseArrays}) every batch is the
     * same MultiDataSet, refilled, so a batch makes no garbage and is valid until the next one.
     */
    public MultiDataSetIterator asMultiDataSets() {
        return new AsMultiDataSets();
    }

    private final class AsMultiDataSets implements MultiDataSetIterator {
        private final INDArray[] features = new INDArray[1];
        private final INDArray[] labels = new INDArray[1];
        private final INDArray[] featuresMask = new INDArray[1];
        private final INDArray[] labelsMask = new INDArray[1];
        private final org.nd4j.linalg.dataset.MultiDataSet reused = new org.nd4j.linalg.dataset.MultiDataSet();
        private MultiDataSetPreProcessor preProcessor;

        @Override
        public MultiDataSet next() {
            DataSet batch = BatchedDataSetIterator.this.next();
            MultiDataSet m = options().reuseArrays() ? refill(batch) : batch.toMultiDataSet();
            if (preProcessor != null) {
                preProcessor.preProcess(m);
            }
            return m;
        }

        private MultiDataSet refill(DataSet batch) {
            reused.setFeatures(single(features, batch.getFeatures()));
            reused.setLabels(single(labels, batch.getLabels()));
            reused.setFeaturesMaskArrays(single(featuresMask, batch.getFeaturesMaskArray()));
            reused.setLabelsMaskArray(single(labelsMask, batch.getLabelsMaskArray()));
            return reused;
        }

        /** {@code array} in {@code holder}, or null for no array, as {@code toMultiDataSet} has it. */
        private static INDArray[] single(INDArray[] holder, INDArray array) {
            if (array == null) {
                return null;
            }
            holder[0] = array;
            return holder;
        }

        @Override
        public MultiDataSet next(int num) {
            return BatchedDataSetIterator.this.next(num).toMultiDataSet();
        }

        @Override
        public boolean hasNext() {
            return BatchedDataSetIterator.this.hasNext();
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
            BatchedDataSetIterator.this.reset();
        }

        @Override
        public void setPreProcessor(MultiDataSetPreProcessor preProcessor) {
            this.preProcessor = preProcessor;
        }

        @Override
        public MultiDataSetPreProcessor getPreProcessor() {
            return preProcessor;
        }
    }
}
