package org.attnlab.datasets.text;

import org.attnlab.datasets.fetch.DatasetStore;
import org.attnlab.datasets.iter.BatchOptions;
import org.attnlab.datasets.iter.ClassificationDataSetIterator;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

import java.io.IOException;
import java.util.List;

/**
 * Tokenised texts with class ids for sequence classification: texts shorter than {@code minLength} tokens are dropped,
 * longer than {@code maxLength} cut, then split by seed; the vocabulary comes from the training part.
 */
public final class ClassificationCorpus {

    private final Splits<LabeledText> texts;
    private final Vocabulary vocabulary;
    private final int numClasses;
    private final int maxLength;

    private ClassificationCorpus(Splits<LabeledText> texts, Vocabulary vocabulary, int numClasses, int maxLength) {
        this.texts = texts;
        this.vocabulary = vocabulary;
        this.numClasses = numClasses;
        this.maxLength = maxLength;
    }

    /** SpamAssassin ham (0) / spam (1); fetched on first use. */
    public static ClassificationCorpus spamAssassin(DatasetStore store, CorpusOptions options) throws IOException {
        return build(SpamAssassin.load(store), 2, options);
    }

    /** Filters, splits and builds the vocabulary of {@code texts} whose labels are below {@code numClasses}. */
    public static ClassificationCorpus build(List<LabeledText> texts, int numClasses, CorpusOptions options) {
        List<LabeledText> kept = texts.stream().filter(t -> Tokenizer.tokenize(t.text()).size() >= options.minLength()).toList();
        Splits<LabeledText> parts = Splits.shuffled(kept, options.validFraction(), options.testFraction(), options.seed());
        Vocabulary vocabulary = Vocabulary.build(parts.train().stream().map(t -> truncate(t, options.maxLength())).toList(),
                options.minCount(), options.maxVocab());
        return new ClassificationCorpus(parts, vocabulary, numClasses, options.maxLength());
    }

    private static List<String> truncate(LabeledText text, int maxLength) {
        List<String> tokens = Tokenizer.tokenize(text.text());
        return tokens.subList(0, Math.min(maxLength, tokens.size()));
    }

    /** The texts of each part. */
    public Splits<LabeledText> texts() {
        return texts;
    }

    /** The vocabulary (from the training part). */
    public Vocabulary vocabulary() {
        return vocabulary;
    }

    /** Batches of one part (see {@link ClassificationDataSetIterator}). */
    public DataSetIterator iterator(Split split, BatchOptions options) {
        List<LabeledText> part = texts.get(split);
        List<int[]> tokens = part.stream().map(t -> vocabulary.encode(truncate(t, maxLength), false, false)).toList();
        int[] labels = part.stream().mapToInt(LabeledText::label).toArray();
        return new ClassificationDataSetIterator(tokens, labels, vocabulary.size(), numClasses, options);
    }
}
