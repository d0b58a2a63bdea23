package org.attnlab.datasets.text;

import org.attnlab.datasets.fetch.DatasetStore;
import org.attnlab.datasets.iter.BatchOptions;
import org.attnlab.datasets.iter.SequenceDataSetIterator;
import org.attnlab.datasets.iter.SequenceExample;
import org.attnlab.datasets.sword.Bibles;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Running text for next-token prediction. Texts are cut in order into train / valid / test (no shuffle: neighbours stay
 * together), each part becomes one token stream (every text followed by {@code <eos>}), and the stream is cut into
 * non-overlapping windows of {@code maxLength} tokens: the source is the window, the target the window shifted by one.
 */
public final class LanguageModelCorpus {

    private final Splits<SequenceExample> splits;
    private final Vocabulary vocabulary;

    private LanguageModelCorpus(Splits<SequenceExample> splits, Vocabulary vocabulary) {
        this.splits = splits;
        this.vocabulary = vocabulary;
    }

    /** The King James Version verse by verse; fetches it on first use. */
    public static LanguageModelCorpus kjv(DatasetStore store, CorpusOptions options) throws IOException {
        return build(Bibles.entries(store, Bibles.KJV).stream().filter(v -> !v.isEmpty()).toList(), options);
    }

    /** Tokenises, splits and windows {@code texts}. */
    public static LanguageModelCorpus build(List<String> texts, CorpusOptions options) {
        List<List<String>> tokens = texts.stream().map(Tokenizer::tokenize).toList();
        Splits<List<String>> parts = Splits.contiguous(tokens, options.validFraction(), options.testFraction());
        Vocabulary vocabulary = Vocabulary.build(parts.train(), options.minCount(), options.maxVocab());
        return new LanguageModelCorpus(new Splits<>(windows(parts.train(), vocabulary, options.maxLength()),
                windows(parts.valid(), vocabulary, options.maxLength()),
                windows(parts.test(), vocabulary, options.maxLength())), vocabulary);
    }

    private static List<SequenceExample> windows(List<List<String>> texts, Vocabulary vocabulary, int length) {
        int[] stream = texts.stream().map(t -> vocabulary.encode(t, false, true)).flatMapToInt(Arrays::stream).toArray();
        List<SequenceExample> out = new ArrayList<>();
        for (int start = 0; start + length + 1 <= stream.length; start += length) {
            out.add(new SequenceExample(Arrays.copyOfRange(stream, start, start + length),
                    Arrays.copyOfRange(stream, start + 1, start + length + 1)));
        }
        return out;
    }

    /** Windows of each part. */
    public Splits<SequenceExample> splits() {
        return splits;
    }

    /** The vocabulary (from the training part). */
    public Vocabulary vocabulary() {
        return vocabulary;
    }

    /** Batches of one part (see {@link SequenceDataSetIterator}). */
    public DataSetIterator iterator(Split split, BatchOptions options) {
        return new SequenceDataSetIterator(splits.get(split), vocabulary.size(), options);
    }
}
