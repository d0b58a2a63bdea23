package org.attnlab.datasets.synthetic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.attnlab.datasets.iter.BatchOptions;
import org.attnlab.datasets.iter.SequenceExample;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

class ReorderingTranslationTest {
    @Test
    void alignmentReversesEachBlockIncludingAShortLastOne() {
        assertArrayEquals(new int[]{2, 1, 0, 5, 4, 3, 6}, new ReorderingTranslation(10, 7, 7, 3).alignment(7));
        assertArrayEquals(new int[]{1, 0, 3, 2, 4}, new ReorderingTranslation(10, 5, 5, 2).alignment(5));
        assertArrayEquals(new int[]{0, 1, 2, 3}, new ReorderingTranslation(10, 4, 4, 1).alignment(4), "monotone");
        assertArrayEquals(new int[]{3, 2, 1, 0}, new ReorderingTranslation(10, 4, 4, 9).alignment(4), "reversal");
    }

    @Test
    void dictionaryIsAFixedPermutationOfTheContentIdsThatMovesWords() {
        int[] d = new ReorderingTranslation(12, 3, 6, 2).dictionary();
        assertEquals(0, d[0], "padding stays padding");
        int[] sorted = d.clone();
        Arrays.sort(sorted);
        assertArrayEquals(new int[]{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}, sorted);
        assertTrue(java.util.stream.IntStream.range(1, 12).filter(i -> d[i] != i).count() > 6, Arrays.toString(d));
        assertArrayEquals(d, new ReorderingTranslation(12, 1, 9, 4).dictionary(), "independent of lengths and block");
    }

    @Test
    void everyTargetTokenIsTheDictionaryWordOfItsAlignedSourceTokenThenEndOfSentence() {
        ReorderingTranslation task = new ReorderingTranslation(12, 3, 6, 2);
        int[] d = task.dictionary();
        List<SequenceExample> examples = task.generate(200, 5);
        int[] lengths = examples.stream().mapToInt(e -> e.source().length).distinct().sorted().toArray();
        assertArrayEquals(new int[]{3, 4, 5, 6}, lengths, "lengths drawn from 3..6");
        for (SequenceExample e : examples) {
            int n = e.source().length;
            int[] a = task.alignment(n);
            assertEquals(n + 1, e.target().length);
            for (int j = 0; j < n; j++) {
                assertTrue(e.source()[a[j]] >= 1 && e.source()[a[j]] < 12);
                assertEquals(d[e.source()[a[j]]], e.target()[j]);
            }
            assertEquals(12, e.target()[n]);
        }
        assertEquals(examples.get(17).source().length, task.generate(200, 5).get(17).source().length);
        assertArrayEquals(examples.get(17).target(), task.generate(200, 5).get(17).target(), "seeded");
        assertNotEquals(Arrays.toString(examples.get(0).source()),
                Arrays.toString(task.generate(1, 6).get(0).source()), "another seed, other sentences");
    }

    @Test
    void batchesArePaddedWithMasksAndOneHotLabelsIncludingEndOfSentence() {
        ReorderingTranslation task = new ReorderingTranslation(8, 2, 4, 2);
        DataSetIterator it = task.iterator(16, 3, BatchOptions.of(16, 3).withShuffle(false));
        DataSet b = it.next();
        assertEquals(8 + 1, b.getLabels().size(2));
        List<SequenceExample> ex = task.generate(16, 3);
        for (int i = 0; i < 16; i++) {
            int n = ex.get(i).source().length;
            assertEquals(n, b.getFeaturesMaskArray().getRow(i).sumNumber().intValue());
            assertEquals(n + 1, b.getLabelsMaskArray().getRow(i).sumNumber().intValue());
            assertEquals(8, b.getLabels().get(org.nd4j.linalg.indexing.NDArrayIndex.point(i),
                    org.nd4j.linalg.indexing.NDArrayIndex.point(n), org.nd4j.linalg.indexing.NDArrayIndex.all())
                    .argMax().getInt(0));
        }
    }

    @Test
    void badSizesAreRejectedWithTheValues() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ReorderingTranslation(10, 5, 4, 2));
        assertTrue(e.getMessage().contains("lengths 5..4"), e.getMessage());
    }
}
