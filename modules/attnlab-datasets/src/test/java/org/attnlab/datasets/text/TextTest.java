package org.attnlab.datasets.text;

import org.attnlab.datasets.iter.BatchOptions;
import org.attnlab.datasets.iter.SequenceExample;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class TextTest {

    @Test
    void tokenizerSplitsWordsNumbersAndPunctuation() {
        assertEquals(List.of("in", "the", "beginning", ",", "god's", "lord", "said", ":", "'", "let", "there", "be",
                        "light", "'", "—", "42", "!", "fué", "á"),
                Tokenizer.tokenize("In the beginning, God's LORD said: 'Let there be light'—42! fué á"));
    }

    @Test
    void vocabularyOrdersByFrequencyWithSpecialsFirst() {
        List<List<String>> sentences = List.of(List.of("b", "a", "a"), List.of("b", "a", "c"));
        Vocabulary v = Vocabulary.build(sentences, 1, 0);
        assertEquals(List.of("<pad>", "<bos>", "<eos>", "<unk>", "a", "b", "c"),
                IntStream.range(0, v.size()).mapToObj(v::token).toList());
        assertArrayEquals(new int[]{1, 4, 6, 2}, v.encode(List.of("a", "c"), true, true));
        assertArrayEquals(new int[]{Vocabulary.UNK}, v.encode(List.of("zz"), false, false));
        assertEquals(6, Vocabulary.build(sentences, 2, 0).size());
        assertEquals(5, Vocabulary.build(sentences, 1, 5).size());
        assertEquals("<bos> a <eos>", v.decode(new int[]{1, 4, 2}));
    }

    @Test
    void splitsAreFixedBySeedAndDisjoint() {
        List<Integer> items = IntStream.range(0, 100).boxed().toList();
        Splits<Integer> s = Splits.shuffled(items, 0.1, 0.2, 7);
        assertEquals(70, s.train().size());
        assertEquals(10, s.valid().size());
        assertEquals(20, s.test().size());
        HashSet<Integer> all = new HashSet<>(s.train());
        all.addAll(s.valid());
        all.addAll(s.test());
        assertEquals(100, all.size());
        assertEquals(s, Splits.shuffled(items, 0.1, 0.2, 7));
        assertEquals(IntStream.range(0, 20).boxed().toList(), Splits.contiguous(items, 0.1, 0.2).test());
        assertEquals(IntStream.range(30, 100).boxed().toList(), Splits.contiguous(items, 0.1, 0.2).train());
    }

    @Test
    void translationCorpusAlignsFiltersAndEncodes() {
        List<String> en = new ArrayList<>();
        List<String> es = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            en.add(i % 10 == 0 ? "" : "the light " + (i % 3 == 0 ? "is very very good" : "is good"));
            es.add("la luz es buena");
        }
        List<SentencePair> pairs = TranslationCorpus.align(en, es);
        assertEquals(36, pairs.size());
        // 12 of the 36 kept have 6 source tokens; maxLength 5 drops them.
        TranslationCorpus corpus = TranslationCorpus.build(pairs, new CorpusOptions(1, 5, 0.25, 0.25, 3, 1, 0));
        assertEquals(12, corpus.splits().train().size());
        assertEquals(6, corpus.splits().valid().size());
        assertEquals(6, corpus.splits().test().size());
        SequenceExample e = corpus.splits().train().get(0);
        Vocabulary src = corpus.sourceVocabulary();
        Vocabulary tgt = corpus.targetVocabulary();
        assertArrayEquals(src.encode(List.of("the", "light", "is", "good"), false, true), e.source());
        assertArrayEquals(tgt.encode(List.of("la", "luz", "es", "buena"), true, true), e.target());
        assertEquals(8, tgt.size());
        assertEquals(6, corpus.iterator(Split.TEST, BatchOptions.of(8, 1)).next().getFeatures(0).size(0));
    }
}
