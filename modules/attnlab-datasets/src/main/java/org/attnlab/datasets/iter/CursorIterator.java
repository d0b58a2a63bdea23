package org.attnlab.datasets.iter;

import java.util.function.BiConsumer;

/**
 * The plumbing this module's DL4J iterators share: batches of example indices from a {@link BatchCursor}, reset
 * (the next epoch, with its own shuffle), no asynchronous prefetch, and an optional preprocessor applied to each batch.
 *
 * @param <T> the batch type ({@code DataSet} or {@code MultiDataSet})
 * @param <P> its preprocessor type
 */
abstract class CursorIterator<T, P> {
    private final BatchCursor cursor;
    private final BiConsumer<P, T> preProcess;
    private P preProcessor;

    /**
     * @param lengths    per-example lengths (for bucketing)
     * @param preProcess how a preprocessor is applied to a batch, e.g. {@code DataSetPreProcessor::preProcess}
     */
    CursorIterator(int[] lengths, BatchOptions options, BiConsumer<P, T> preProcess) {
        this.cursor = new BatchCursor(lengths, options);
        this.preProcess = preProcess;
    }

    /** Builds the batch of the examples with these indices. */
    protected abstract T batch(int[] indices);

    /** The batching options. */
    protected BatchOptions options() {
        return cursor.options();
    }

    /** Number of examples per epoch. */
    public int exampleCount() {
        return cursor.exampleCount();
    }

    public boolean hasNext() {
        return cursor.hasNext();
    }

    public T next() {
        T batch = batch(cursor.next());
        if (preProcessor != null) {
            preProcess.accept(preProcessor, batch);
        }
        return batch;
    }

    /** Not supported: the batch size is fixed by {@link BatchOptions}. */
    public T next(int num) {
        throw new UnsupportedOperationException("batch size is fixed by BatchOptions (" + options().batchSize() + ")");
    }

    public boolean resetSupported() {
        return true;
    }

    public boolean asyncSupported() {
        return false;
    }

    public void reset() {
        cursor.reset();
    }

    public void setPreProcessor(P preProcessor) {
        this.preProcessor = preProcessor;
    }

    public P getPreProcessor() {
        return preProcessor;
    }
}
