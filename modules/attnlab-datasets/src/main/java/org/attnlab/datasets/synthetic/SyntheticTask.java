package org.attnlab.datasets.synthetic;

import org.attnlab.datasets.iter.BatchOptions;
import org.attnlab.datasets.iter.BatchedDataSetIterator;
import org.attnlab.datasets.iter.SequenceDataSetIterator;
import org.attnlab.datasets.iter.SequenceExample;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Standard attention probes that need no download. Every example has source and target of one length: {@code seqLen},
 * or drawn uniformly from {@code [minLen, maxLen]} per example (copy, reverse and sort; length generalisation);
 * token 0 is padding and never generated; content tokens are drawn uniformly from {@code 1 .. vocabSize-1}.
 * The same arguments and seed always give the same examples.
 */
public enum SyntheticTask {

    /** Target = source. */
    COPY {
        @Override
        SequenceExample example(SplittableRandom random, int seqLen, int vocabSize) {
            int[] source = content(random, seqLen, vocabSize);
            return new SequenceExample(source, source.clone());
        }
    },
    /** Target = source reversed. */
    REVERSE {
        @Override
        SequenceExample example(SplittableRandom random, int seqLen, int vocabSize) {
            int[] source = content(random, seqLen, vocabSize);
            int[] target = new int[seqLen];
            for (int i = 0; i < seqLen; i++) {
                target[i] = source[seqLen - 1 - i];
            }
            return new SequenceExample(source, target);
        }
    },
    /** Target = source sorted ascending. */
    SORT {
        @Override
        SequenceExample example(SplittableRandom random, int seqLen, int vocabSize) {
            int[] source = content(random, seqLen, vocabSize);
            int[] target = source.clone();
            Arrays.sort(target);
            return new SequenceExample(source, target);
        }
    },
    /**
     * Key-value retrieval. With {@code K = (vocabSize - 2) / 2}, keys are tokens {@code 2 .. K+1} and values
     * {@code K+2 .. vocabSize-1}. The source is {@code k1 v1 k2 v2 ... kn vn QUERY kq} with {@code n = (seqLen-2)/2}
     * distinct keys and {@code kq} one of them; the target is {@link SequenceExample#NO_TARGET} everywhere except the
     * last position, which holds the value paired with {@code kq}. {@code seqLen} must be even and {@code n <= K}.
     */
    ASSOCIATIVE_RECALL {
        @Override
        SequenceExample example(SplittableRandom random, int seqLen, int vocabSize) {
            int keys = (vocabSize - 2) / 2;
            int pairs = (seqLen - 2) / 2;
            if (seqLen % 2 != 0 || seqLen < 4 || pairs > keys) {
                throw new IllegalArgumentException("associative recall needs an even seqLen >= 4 and (seqLen-2)/2 <= "
                        + "(vocabSize-2)/2 distinct keys; got seqLen " + seqLen + ", vocabSize " + vocabSize);
            }
            int[] keyPool = new int[keys];
            for (int i = 0; i < keys; i++) {
                keyPool[i] = FIRST_KEY + i;
            }
            int[] source = new int[seqLen];
            int[] target = new int[seqLen];
            Arrays.fill(target, SequenceExample.NO_TARGET);
            for (int p = 0; p < pairs; p++) {
                int pick = p + random.nextInt(keys - p);
                int key = keyPool[pick];
                keyPool[pick] = keyPool[p];
                keyPool[p] = key;
                source[2 * p] = key;
                source[2 * p + 1] = FIRST_KEY + keys + random.nextInt(vocabSize - FIRST_KEY - keys);
            }
            int asked = random.nextInt(pairs);
            source[seqLen - 2] = QUERY;
            source[seqLen - 1] = source[2 * asked];
            target[seqLen - 1] = source[2 * asked + 1];
            return new SequenceExample(source, target);
        }
    };

    /** Padding token (never generated). */
    public static final int PAD = 0;
    /** Associative recall: marker before the queried key. */
    public static final int QUERY = 1;
    private static final int FIRST_KEY = 2;

    abstract SequenceExample example(SplittableRandom random, int seqLen, int vocabSize);

    /** {@code numExamples} examples of length {@code seqLen} drawn from {@code new SplittableRandom(seed)}. */
    public List<SequenceExample> generate(int numExamples, int seqLen, int vocabSize, long seed) {
        return generate(numExamples, seqLen, seqLen, vocabSize, seed);
    }

    /**
     * {@code numExamples} examples drawn from {@code new SplittableRandom(seed)}, each of a length drawn uniformly
     * from {@code [minLen, maxLen]} before its tokens (no draw when the two are equal, so a fixed length gives the
     * examples of {@link #generate(int, int, int, long)}). Associative recall has one length only.
     */
    public List<SequenceExample> generate(int numExamples, int minLen, int maxLen, int vocabSize, long seed) {
        if (numExamples < 0 || minLen < 1 || maxLen < minLen || vocabSize < 3) {
            throw new IllegalArgumentException("need numExamples >= 0, 1 <= minLen <= maxLen, vocabSize >= 3; got "
                    + numExamples + ", " + minLen + ", " + maxLen + ", " + vocabSize);
        }
        if (this == ASSOCIATIVE_RECALL && minLen != maxLen) {
            throw new IllegalArgumentException("associative recall has one length; got " + minLen + " to " + maxLen);
        }
        SplittableRandom random = new SplittableRandom(seed);
        List<SequenceExample> out = new ArrayList<>(numExamples);
        for (int i = 0; i < numExamples; i++) {
            int length = minLen == maxLen ? maxLen : minLen + random.nextInt(maxLen - minLen + 1);
            out.add(example(random, length, vocabSize));
        }
        return out;
    }

    /**
     * Batches for training: features [B, T] token ids as float, labels [B, T, V] one-hot (or [B, T] ids),
     * features mask [B, T] (all ones) and labels mask [B, T] (all ones except unlabelled recall positions).
     * The examples come from {@code seed}; the batch shuffle from {@code options.seed()}.
     */
    public BatchedDataSetIterator iterator(int numExamples, int seqLen, int vocabSize, long seed,
                                           BatchOptions options) {
        return iterator(numExamples, seqLen, seqLen, vocabSize, seed, options);
    }

    /**
     * As {@link #iterator(int, int, int, long, BatchOptions)} with lengths drawn from {@code [minLen, maxLen]}; every
     * batch is padded (id 0, masks 0) to {@code T = maxLen}, so batches of one split share one shape.
     */
    public BatchedDataSetIterator iterator(int numExamples, int minLen, int maxLen, int vocabSize, long seed,
                                           BatchOptions options) {
        return new SequenceDataSetIterator(generate(numExamples, minLen, maxLen, vocabSize, seed), vocabSize, options,
                maxLen);
    }

    private static int[] content(SplittableRandom random, int seqLen, int vocabSize) {
        int[] tokens = new int[seqLen];
        for (int i = 0; i < seqLen; i++) {
            tokens[i] = 1 + random.nextInt(vocabSize - 1);
        }
        return tokens;
    }
}
