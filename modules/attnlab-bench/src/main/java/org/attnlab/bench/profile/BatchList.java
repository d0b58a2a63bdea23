package org.attnlab.bench.profile;

import java.util.List;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.nd4j.linalg.dataset.api.MultiDataSetPreProcessor;
import org.nd4j.linalg.dataset.api.iterator.MultiDataSetIterator;

/** Batches held in memory, served once per epoch in order (no prefetch thread, no pre-processing). */
final class BatchList implements MultiDataSetIterator {
    private final List<MultiDataSet> batches;
    private int next;

    BatchList(List<MultiDataSet> batches) {
        this.batches = List.copyOf(batches);
    }

    @Override
    public boolean hasNext() {
        return next < batches.size();
    }

    @Override
    public MultiDataSet next() {
        return batches.get(next++);
    }

    @Override
    public MultiDataSet next(int num) {
        return next();
    }

    @Override
    public void reset() {
        next = 0;
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
    public void setPreProcessor(MultiDataSetPreProcessor preProcessor) {
        throw new UnsupportedOperationException("BatchList serves its batches as they are");
    }

    @Override
    public MultiDataSetPreProcessor getPreProcessor() {
        return null;
    }
}
