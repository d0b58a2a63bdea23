package org.attnlab.datasets.iter;

/**
 * How an iterator batches its examples.
 *
 * @param batchSize      examples per batch (the last batch may be smaller)
 * @param seed           seed of the shuffle; epoch {@code e} (after {@code e} resets) uses a shuffle derived from it
 * @param shuffle        shuffle examples each epoch
 * @param bucketByLength group examples of similar length into the same batch (less padding)
 * @param maxExamples    use only the first {@code maxExamples} examples (0 = all): the small-sample option for fast tests
 * @param labelFormat    one-hot or index labels
 * @param reuseArrays    write each batch into the previous batch's arrays when their shapes repeat, so a batch is
 *                       valid only until the next one (a training loop that copies each batch into its own buffers
 *                       makes no garbage per batch then); iterators without the option make new arrays
 */
public record BatchOptions(int batchSize, long seed, boolean shuffle, boolean bucketByLength, int maxExamples,
                           LabelFormat labelFormat, boolean reuseArrays) {

    /** Validates the sizes. */
    public BatchOptions {
        if (batchSize < 1 || maxExamples < 0) {
            throw new IllegalArgumentException("batchSize must be >= 1 and maxExamples >= 0");
        }
    }

    /** Shuffled, not bucketed, all examples, one-hot labels. */
    public static BatchOptions of(int batchSize, long seed) {
        return new BatchOptions(batchSize, seed, true, false, 0, LabelFormat.ONE_HOT, false);
    }

    /** Same options with shuffling on or off. */
    public BatchOptions withShuffle(boolean on) {
        return new BatchOptions(batchSize, seed, on, bucketByLength, maxExamples, labelFormat, reuseArrays);
    }

    /** Same options with length bucketing on or off. */
    public BatchOptions withBucketing(boolean on) {
        return new BatchOptions(batchSize, seed, shuffle, on, maxExamples, labelFormat, reuseArrays);
    }

    /** Same options using only the first {@code n} examples. */
    public BatchOptions withSmallSample(int n) {
        return new BatchOptions(batchSize, seed, shuffle, bucketByLength, n, labelFormat, reuseArrays);
    }

    /** Same options with another label layout. */
    public BatchOptions withLabelFormat(LabelFormat format) {
        return new BatchOptions(batchSize, seed, shuffle, bucketByLength, maxExamples, format, reuseArrays);
    }

    /** Same options with batch arrays reused (see {@code reuseArrays}) or not. */
    public BatchOptions withReusedArrays(boolean on) {
        return new BatchOptions(batchSize, seed, shuffle, bucketByLength, maxExamples, labelFormat, on);
    }
}
