package org.attnlab.datasets.text;

/**
 * Options shared by the text corpora.
 *
 * @param minLength     shortest kept sequence, in tokens (both sides for translation)
 * @param maxLength     longest kept sequence in tokens (translation: longer pairs are dropped; classification:
 *                      texts are cut to this; language modelling: window length)
 * @param validFraction share of the validation part
 * @param testFraction  share of the test part
 * @param seed          seed of the fixed split
 * @param minCount      rarest token kept in the vocabulary (built from the training part only)
 * @param maxVocab      largest vocabulary, specials included (0 = no limit)
 */
public record CorpusOptions(int minLength, int maxLength, double validFraction, double testFraction, long seed,
                            int minCount, int maxVocab) {

    /** Lengths 1..{@code maxLength}, 5 % valid, 5 % test, seed 42, tokens seen at least twice, no size limit. */
    public static CorpusOptions defaults(int maxLength) {
        return new CorpusOptions(1, maxLength, 0.05, 0.05, 42, 2, 0);
    }

    /** Same options with another seed. */
    public CorpusOptions withSeed(long newSeed) {
        return new CorpusOptions(minLength, maxLength, validFraction, testFraction, newSeed, minCount, maxVocab);
    }

    /** True when a sequence of {@code length} tokens is kept. */
    public boolean accepts(int length) {
        return length >= minLength && length <= maxLength;
    }
}
