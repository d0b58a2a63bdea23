package org.attnlab.datasets.iter;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Random;

/**
 * The order of batches over one epoch: which example indices go into each batch. Shuffling is by
 * {@code seed} and epoch number, so every run sees the same sequence of batches. With bucketing, the
 * shuffled examples are taken in pools of {@value #POOL_BATCHES} batches, sorted by length inside each
 * pool, cut into batches, and the batches shuffled. The next epoch's shuffle is done a few swaps per batch handed
 * out, so that no single training step pays for a whole shuffle; without bucketing, the next epoch's batches are also
 * copied out of its shuffle as the swaps settle them, so that an epoch start does almost nothing (the code that runs
 * once per epoch is never compiled, and interpreted it cost the epoch's first training step tens of microseconds).
 */
public final class BatchCursor {

    /** Batches per bucketing pool. */
    public static final int POOL_BATCHES = 50;

    private final int[] lengths;
    private final BatchOptions options;
    private int epoch;
    private List<int[]> batches;
    private int position;
    private Shuffle upcoming;
    /** Without bucketing: the next epoch's batches, those from {@link #settled} on holding their final examples. */
    private List<int[]> upcomingBatches;
    private int settled;

    /** A cursor over examples whose lengths are {@code lengths} (used only for bucketing). */
    public BatchCursor(int[] lengths, BatchOptions options) {
        this.lengths = lengths.clone();
        this.options = options;
        this.batches = plan(new Shuffle(exampleCount(), options, 0).finished());
        this.upcoming = new Shuffle(exampleCount(), options, 1);
        this.upcomingBatches = new ArrayList<>(batches.size());
        for (int[] batch : batches) {
            upcomingBatches.add(new int[batch.length]);
        }
        this.settled = batches.size();
    }

    /** Number of examples used per epoch (after the small-sample limit). */
    public int exampleCount() {
        return options.maxExamples() == 0 ? lengths.length : Math.min(options.maxExamples(), lengths.length);
    }

    /** True while the epoch has batches left. */
    public boolean hasNext() {
        return position < batches.size();
    }

    /**
     * Example indices of the next batch: valid until the next {@link #reset}, after which a later epoch's batch may be
     * written into the same array.
     */
    public int[] next() {
        if (!hasNext()) {
            throw new NoSuchElementException("epoch " + epoch + " is over; call reset()");
        }
        upcoming.advance(exampleCount() / batches.size() + 1); // enough swaps to finish by the epoch's last batch
        settle();
        return batches.get(position++);
    }

    /** Starts the next epoch (with its own shuffle). */
    public void reset() {
        epoch++;
        upcoming.finished();
        if (options.bucketByLength()) {
            batches = plan(upcoming);
        } else {
            settle();
            List<int[]> done = upcomingBatches;
            upcomingBatches = batches;
            batches = done;
        }
        upcoming.restart(epoch + 1);
        settled = batches.size();
        position = 0;
    }

    /**
     * Without bucketing, copies the next epoch's batches whose examples its shuffle has settled (the swaps settle the
     * order from its last position down), from the last batch towards the first.
     */
    private void settle() {
        if (options.bucketByLength()) {
            return;
        }
        int size = options.batchSize();
        while (settled > 0 && upcoming.settledFrom() <= (settled - 1) * size) {
            settled--;
            int[] batch = upcomingBatches.get(settled);
            System.arraycopy(upcoming.order, settled * size, batch, 0, batch.length);
        }
    }

    /** The options this cursor batches by. */
    public BatchOptions options() {
        return options;
    }

    /**
     * The batches of an epoch whose examples {@code shuffle} has put in order. Works on primitive arrays and draws
     * from the shuffle's {@code Random} exactly as {@code Collections.shuffle} and a stable sort by length would, so
     * the batches are those of the boxed formulation.
     */
    private List<int[]> plan(Shuffle shuffle) {
        int[] order = shuffle.order;
        int n = order.length;
        int size = options.batchSize();
        if (options.bucketByLength()) {
            int pool = size * POOL_BATCHES;
            for (int start = 0; start < n; start += pool) {
                sortByLength(order, start, Math.min(n, start + pool));
            }
        }
        // the previous epoch's lists and arrays, refilled where their sizes fit, so an epoch start makes little garbage
        List<int[]> result = batches == null ? new ArrayList<>(n / size + 1) : batches;
        int count = 0;
        for (int start = 0; start < n; start += size, count++) {
            int length = Math.min(n, start + size) - start;
            if (count == result.size()) {
                result.add(new int[length]);
            } else if (result.get(count).length != length) {
                result.set(count, new int[length]);
            }
            System.arraycopy(order, start, result.get(count), 0, length);
        }
        result.subList(count, result.size()).clear();
        if (options.bucketByLength() && options.shuffle()) {
            Collections.shuffle(result, shuffle.random);
        }
        return result;
    }

    /**
     * One epoch's order of examples, shuffled by {@code Collections.shuffle}'s swaps on a random-access list (from the
     * last position down), a few at a time.
     */
    private static final class Shuffle {
        final int[] order;
        final Random random;
        private final BatchOptions options;
        /** 0, 1, ..., n - 1: copied into {@link #order} at each restart (a copy is fast even where code is interpreted). */
        private final int[] identity;
        private int next;

        Shuffle(int n, BatchOptions options, int epochNumber) {
            this.order = new int[n];
            this.random = new Random();
            this.options = options;
            this.identity = new int[n];
            for (int i = 0; i < n; i++) {
                identity[i] = i;
            }
            restart(epochNumber);
        }

        /** Starts over as a new shuffle of epoch {@code epochNumber} (the same draws as a new {@code Random}). */
        void restart(int epochNumber) {
            System.arraycopy(identity, 0, order, 0, order.length);
            random.setSeed(options.seed() * 1_000_003L + epochNumber);
            next = options.shuffle() ? order.length : 1;
        }

        /** Up to {@code swaps} more swaps. */
        void advance(int swaps) {
            for (int k = 0; k < swaps && next > 1; k++, next--) {
                int j = random.nextInt(next);
                int t = order[next - 1];
                order[next - 1] = order[j];
                order[j] = t;
            }
        }

        /** The first position of {@link #order} that no later swap changes. */
        int settledFrom() {
            return next <= 1 ? 0 : next;
        }

        /** This shuffle, done. */
        Shuffle finished() {
            advance(Integer.MAX_VALUE);
            return this;
        }
    }

    /** Stable sort of {@code order[from, to)} by example length (ties keep their order). */
    private void sortByLength(int[] order, int from, int to) {
        long[] keys = new long[to - from];
        for (int i = from; i < to; i++) {
            keys[i - from] = ((long) lengths[order[i]] << 32) | (i - from);
        }
        Arrays.sort(keys);
        int[] sorted = new int[keys.length];
        for (int k = 0; k < keys.length; k++) {
            sorted[k] = order[from + (int) keys[k]];
        }
        System.arraycopy(sorted, 0, order, from, sorted.length);
    }
}
