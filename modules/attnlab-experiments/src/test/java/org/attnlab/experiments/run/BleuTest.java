package org.attnlab.experiments.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Corpus BLEU-4 against values worked out by hand. */
class BleuTest {
    @Test
    void oneSentenceWithOneWrongLastToken() {
        // 1-grams 4/5, 2-grams 3/4, 3-grams 2/3, 4-grams 1/2; same length, so no brevity penalty.
        double bleu = Bleu.corpus(List.of(new int[]{1, 2, 3, 4, 5}), List.of(new int[]{1, 2, 3, 4, 6}));
        assertEquals(Math.pow(0.8 * 0.75 * (2.0 / 3) * 0.5, 0.25), bleu, 1e-12);
        assertEquals(0.668740, bleu, 1e-6);
    }

    @Test
    void countsArePooledOverTheCorpusAndShortOutputIsPenalised() {
        // Sentence 2 is a 4-token prefix of its 5-token reference: all its n-grams match.
        // Pooled: 1-grams 8/9, 2-grams 6/7, 3-grams 4/5, 4-grams 2/3; c = 9 < r = 10 -> exp(1 - 10/9).
        double bleu = Bleu.corpus(List.of(new int[]{1, 2, 3, 4, 5}, new int[]{1, 2, 3, 4}),
                List.of(new int[]{1, 2, 3, 4, 6}, new int[]{1, 2, 3, 4, 5}));
        double expected = Math.exp(1 - 10.0 / 9) * Math.pow((8.0 / 9) * (6.0 / 7) * (4.0 / 5) * (2.0 / 3), 0.25);
        assertEquals(expected, bleu, 1e-12);
    }

    @Test
    void perfectIsOneAndNoFourGramMatchIsZero() {
        assertEquals(1.0, Bleu.corpus(List.of(new int[]{5, 6, 7, 8}), List.of(new int[]{5, 6, 7, 8})), 1e-12);
        // Repeated tokens are clipped to their count in the reference; no 2-gram matches at all.
        assertEquals(0.0, Bleu.corpus(List.of(new int[]{7, 7, 7, 7}), List.of(new int[]{7, 1, 2, 3})), 0.0);
    }
}
