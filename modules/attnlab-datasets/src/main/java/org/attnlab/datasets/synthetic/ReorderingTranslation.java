package org.attnlab.datasets.synthetic;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.attnlab.datasets.iter.BatchOptions;
import org.attnlab.datasets.iter.BatchedDataSetIterator;
import org.attnlab.datasets.iter.SequenceDataSetIterator;
import org.attnlab.datasets.iter.SequenceExample;

/**
 * A synthetic "translation" whose word alignment is known: every source token is translated through a fixed
 * one-to-one dictionary (a permutation of the content ids {@code 1 .. vocab-1}, the same for every seed), and the
 * translated tokens are reordered by reversing each block of {@code block} consecutive positions (a last, shorter
 * block is reversed too). So target position {@code j} is linked to exactly one source position,
 * {@link #alignment}{@code (n)[j]}: {@code block} 1 keeps the order (a monotone alignment), {@code block >= n} reverses
 * the whole sentence. Source lengths {@code n} are drawn uniformly from {@code minLength .. maxLength}; the target is
 * the {@code n} translated tokens followed by the end-of-sentence id {@link #endOfSentence()} ({@code = vocab}, a
 * target-only id, linked to no source position), so a decoder learns where to stop. Id 0 is padding.
 *
 * @param vocab     source ids {@code 0 .. vocab-1} (0 is padding), at least 3; target ids {@code 0 .. vocab}
 * @param minLength shortest sentence, at least 1
 * @param maxLength longest sentence, at least {@code minLength}
 * @param block     size of the reversed blocks, at least 1
 */
public record ReorderingTranslation(int vocab, int minLength, int maxLength, int block) {
    /** Seed of the dictionary: fixed, so every split and every run translates with the same words. */
    static final long DICTIONARY_SEED = 20_150_817L;

    public ReorderingTranslation {
        if (vocab < 3 || minLength < 1 || maxLength < minLength || block < 1) {
            throw new IllegalArgumentException("reordering translation needs vocab >= 3, 1 <= minLength <= maxLength "
                    + "and block >= 1; got vocab " + vocab + ", lengths " + minLength + ".." + maxLength + ", block "
                    + block);
        }
    }

    /** The end-of-sentence id that closes every target: {@code vocab}. */
    public int endOfSentence() {
        return vocab;
    }

    /** Target ids: {@code vocab + 1} (content ids, padding and the end-of-sentence id). */
    public int targetVocab() {
        return vocab + 1;
    }

    /** The dictionary: {@code dictionary()[s]} is the target id of source id {@code s} (0 maps to 0). */
    public int[] dictionary() {
        int[] d = new int[vocab];
        for (int i = 0; i < vocab; i++) {
            d[i] = i;
        }
        SplittableRandom random = new SplittableRandom(DICTIONARY_SEED);
        for (int i = vocab - 1; i > 1; i--) {
            int j = 1 + random.nextInt(i);
            int t = d[i];
            d[i] = d[j];
            d[j] = t;
        }
        return d;
    }

    /**
     * The true alignment of a sentence of {@code length} tokens: {@code alignment(length)[j]} is the source position
     * that target position {@code j} translates.
     */
    public int[] alignment(int length) {
        int[] a = new int[length];
        for (int start = 0; start < length; start += block) {
            int end = Math.min(start + block, length);
            for (int j = start; j < end; j++) {
                a[j] = start + end - 1 - j;
            }
        }
        return a;
    }

    /** {@code numExamples} sentence pairs drawn from {@code new SplittableRandom(seed)}. */
    public List<SequenceExample> generate(int numExamples, long seed) {
        int[] dict = dictionary();
        SplittableRandom random = new SplittableRandom(seed);
        List<SequenceExample> out = new ArrayList<>(numExamples);
        for (int e = 0; e < numExamples; e++) {
            int n = minLength + random.nextInt(maxLength - minLength + 1);
            int[] source = new int[n];
            for (int i = 0; i < n; i++) {
                source[i] = 1 + random.nextInt(vocab - 1);
            }
            int[] links = alignment(n);
            int[] target = new int[n + 1];
            for (int j = 0; j < n; j++) {
                target[j] = dict[source[links[j]]];
            }
            target[n] = endOfSentence();
            out.add(new SequenceExample(source, target));
        }
        return out;
    }

    /**
     * Batches of {@link #generate}{@code (numExamples, seed)}, padded to the longest example of each batch: features
     * {@code [B, T]} ids ({@code T} = longest target, one more than the longest source), labels
     * {@code [B, T, vocab + 1]} one-hot, masks {@code [B, T]} (1 = real token).
     */
    public BatchedDataSetIterator iterator(int numExamples, long seed, BatchOptions options) {
        return new SequenceDataSetIterator(generate(numExamples, seed), targetVocab(), options);
    }
}
