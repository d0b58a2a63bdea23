package org.attnlab.datasets.text;

import org.attnlab.datasets.fetch.DatasetStore;
import org.attnlab.datasets.iter.BatchOptions;
import org.attnlab.datasets.iter.SequenceExample;
import org.attnlab.datasets.iter.TranslationDataSetIterator;
import org.attnlab.datasets.sword.Bibles;
import org.nd4j.linalg.dataset.api.iterator.MultiDataSetIterator;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A tokenised parallel corpus for translation: pairs filtered by length, split by seed, vocabularies built from
 * the training part, sources encoded as {@code tokens <eos>} and targets as {@code <bos> tokens <eos>}.
 */
public final class TranslationCorpus {

    private final Splits<SequenceExample> splits;
    private final Vocabulary source;
    private final Vocabulary target;

    private TranslationCorpus(Splits<SequenceExample> splits, Vocabulary source, Vocabulary target) {
        this.splits = splits;
        this.source = source;
        this.target = target;
    }

    /** English (KJV) to Spanish (Reina-Valera 1909), verse-aligned; fetches both Bibles on first use. */
    public static TranslationCorpus kjvToRv1909(DatasetStore store, CorpusOptions options) throws IOException {
        return build(align(Bibles.entries(store, Bibles.KJV), Bibles.entries(store, Bibles.RV1909)), options);
    }

    /** Pairs entry {@code i} of both lists, keeping those where both sides are non-empty. */
    public static List<SentencePair> align(List<String> sources, List<String> targets) {
        if (sources.size() != targets.size()) {
            throw new IllegalArgumentException("versifications differ: " + sources.size() + " vs " + targets.size() + " entries");
        }
        List<SentencePair> pairs = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            if (!sources.get(i).isEmpty() && !targets.get(i).isEmpty()) {
                pairs.add(new SentencePair(sources.get(i), targets.get(i)));
            }
        }
        return pairs;
    }

    /** Tokenises, filters by length, splits and encodes {@code pairs}. */
    public static TranslationCorpus build(List<SentencePair> pairs, CorpusOptions options) {
        List<TokenPair> kept = pairs.stream()
                .map(p -> new TokenPair(Tokenizer.tokenize(p.source()), Tokenizer.tokenize(p.target())))
                .filter(p -> options.accepts(p.source().size()) && options.accepts(p.target().size()))
                .toList();
        Splits<TokenPair> parts = Splits.shuffled(kept, options.validFraction(), options.testFraction(), options.seed());
        Vocabulary source = Vocabulary.build(parts.train().stream().map(TokenPair::source).toList(), options.minCount(), options.maxVocab());
        Vocabulary target = Vocabulary.build(parts.train().stream().map(TokenPair::target).toList(), options.minCount(), options.maxVocab());
        return new TranslationCorpus(new Splits<>(encode(parts.train(), source, target),
                encode(parts.valid(), source, target), encode(parts.test(), source, target)), source, target);
    }

    private static List<SequenceExample> encode(List<TokenPair> pairs, Vocabulary source, Vocabulary target) {
        return pairs.stream().map(p -> new SequenceExample(source.encode(p.source(), false, true),
                target.encode(p.target(), true, true))).toList();
    }

    private record TokenPair(List<String> source, List<String> target) {
    }

    /** Encoded pairs of each part. */
    public Splits<SequenceExample> splits() {
        return splits;
    }

    /** Source-side vocabulary. */
    public Vocabulary sourceVocabulary() {
        return source;
    }

    /** Target-side vocabulary. */
    public Vocabulary targetVocabulary() {
        return target;
    }

    /** Encoder-decoder batches of one part (see {@link TranslationDataSetIterator}). */
    public MultiDataSetIterator iterator(Split split, BatchOptions options) {
        return new TranslationDataSetIterator(splits.get(split), target.size(), options);
    }
}
