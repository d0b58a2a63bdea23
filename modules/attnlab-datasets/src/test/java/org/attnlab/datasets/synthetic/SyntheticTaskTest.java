package org.attnlab.datasets.synthetic;

import org.attnlab.datasets.iter.BatchOptions;
import org.attnlab.datasets.iter.SequenceExample;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SyntheticTaskTest {

    @ParameterizedTest
    @EnumSource(SyntheticTask.class)
    void exactlyReproducibleFromSeed(SyntheticTask task) {
        List<SequenceExample> a = task.generate(50, 10, 20, 123);
        List<SequenceExample> b = task.generate(50, 10, 20, 123);
        List<SequenceExample> c = task.generate(50, 10, 20, 124);
        for (int i = 0; i < 50; i++) {
            assertArrayEquals(a.get(i).source(), b.get(i).source());
            assertArrayEquals(a.get(i).target(), b.get(i).target());
        }
        assertNotEquals(a.stream().map(e -> List.of(e.source())).toList().toString(),
                c.stream().map(e -> List.of(e.source())).toList().toString());
    }

    @Test
    void copyPinnedFirstExample() {
        // new SplittableRandom(7): 1 + nextInt(9), five times.
        SequenceExample e = SyntheticTask.COPY.generate(1, 5, 10, 7).get(0);
        assertArrayEquals(new int[]{5, 7, 8, 7, 1}, e.source());
        assertArrayEquals(new int[]{5, 7, 8, 7, 1}, e.target());
    }

    @Test
    void reverseAndSortTargets() {
        for (SequenceExample e : SyntheticTask.REVERSE.generate(20, 7, 9, 1)) {
            for (int i = 0; i < 7; i++) {
                assertEquals(e.source()[6 - i], e.target()[i]);
                assertTrue(e.source()[i] >= 1 && e.source()[i] < 9);
            }
        }
        for (SequenceExample e : SyntheticTask.SORT.generate(20, 7, 9, 1)) {
            int[] counts = new int[9];
            for (int i = 0; i < 7; i++) {
                counts[e.source()[i]]++;
                counts[e.target()[i]]--;
                assertTrue(i == 0 || e.target()[i - 1] <= e.target()[i]);
            }
            assertArrayEquals(new int[9], counts, "target is a permutation of the source");
        }
    }

    @Test
    void associativeRecallAsksOneStoredKey() {
        int vocab = 12; // keys 2..6, values 7..11
        for (SequenceExample e : SyntheticTask.ASSOCIATIVE_RECALL.generate(100, 10, vocab, 5)) {
            int[] s = e.source();
            int[] t = e.target();
            assertEquals(SyntheticTask.QUERY, s[8]);
            Set<Integer> keys = new HashSet<>();
            int answer = -1;
            for (int p = 0; p < 4; p++) {
                assertTrue(s[2 * p] >= 2 && s[2 * p] <= 6, "key range");
                assertTrue(s[2 * p + 1] >= 7 && s[2 * p + 1] <= 11, "value range");
                assertTrue(keys.add(s[2 * p]), "keys distinct");
                if (s[2 * p] == s[9]) {
                    answer = s[2 * p + 1];
                }
            }
            assertNotEquals(-1, answer, "query key is stored");
            assertEquals(answer, t[9]);
            for (int i = 0; i < 9; i++) {
                assertEquals(SequenceExample.NO_TARGET, t[i]);
            }
        }
        assertThrows(IllegalArgumentException.class, () -> SyntheticTask.ASSOCIATIVE_RECALL.generate(1, 9, 12, 0));
        assertThrows(IllegalArgumentException.class, () -> SyntheticTask.ASSOCIATIVE_RECALL.generate(1, 16, 12, 0));
    }

    @Test
    void iteratorGivesIndicesOneHotLabelsAndMasks() {
        DataSetIterator it = SyntheticTask.ASSOCIATIVE_RECALL.iterator(10, 6, 8, 3, BatchOptions.of(4, 9));
        DataSet ds = it.next();
        assertArrayEquals(new long[]{4, 6}, ds.getFeatures().shape());
        assertArrayEquals(new long[]{4, 6, 8}, ds.getLabels().shape());
        assertEquals(24f, ds.getFeaturesMaskArray().sumNumber().floatValue());
        assertEquals(4f, ds.getLabelsMaskArray().sumNumber().floatValue(), "only the answer position is labelled");
        assertEquals(4f, ds.getLabels().sumNumber().floatValue());
        assertEquals(SyntheticTask.QUERY, ds.getFeatures().getInt(0, 4));
        int batches = 1;
        while (it.hasNext()) {
            it.next();
            batches++;
        }
        assertEquals(3, batches);
        it.reset();
        assertTrue(it.hasNext());
        assertFalse(ds.getFeatures().isView());
    }

    @Test
    void lengthsDrawnFromTheirRangeAndOneLengthGivesTheFixedLengthExamples() {
        List<SequenceExample> varied = SyntheticTask.REVERSE.generate(200, 3, 6, 9, 11);
        Set<Integer> seen = new HashSet<>();
        for (SequenceExample e : varied) {
            int n = e.source().length;
            assertTrue(n >= 3 && n <= 6, "length " + n);
            assertEquals(n, e.target().length);
            for (int i = 0; i < n; i++) {
                assertEquals(e.source()[n - 1 - i], e.target()[i]);
            }
            seen.add(n);
        }
        assertEquals(Set.of(3, 4, 5, 6), seen);
        List<SequenceExample> fixed = SyntheticTask.SORT.generate(20, 5, 5, 9, 3);
        List<SequenceExample> plain = SyntheticTask.SORT.generate(20, 5, 9, 3);
        for (int i = 0; i < 20; i++) {
            assertArrayEquals(plain.get(i).source(), fixed.get(i).source());
        }
        assertThrows(IllegalArgumentException.class, () -> SyntheticTask.ASSOCIATIVE_RECALL.generate(4, 6, 10, 30, 1));
        assertThrows(IllegalArgumentException.class, () -> SyntheticTask.COPY.generate(4, 6, 5, 30, 1));
    }

    @Test
    void variableLengthBatchesArePaddedToTheLongestLength() {
        DataSetIterator it = SyntheticTask.COPY.iterator(40, 2, 7, 9, 5, BatchOptions.of(8, 1));
        while (it.hasNext()) {
            DataSet d = it.next();
            assertEquals(7, d.getFeatures().size(1));
            assertEquals(7, d.getLabels().size(1));
            for (int b = 0; b < d.getFeatures().size(0); b++) {
                int n = d.getFeaturesMaskArray().getRow(b).sumNumber().intValue();
                assertTrue(n >= 2 && n <= 7);
                assertEquals(n, d.getLabelsMaskArray().getRow(b).sumNumber().intValue());
                for (int t = n; t < 7; t++) {
                    assertEquals(0.0, d.getFeatures().getDouble(b, t), "padding id");
                    assertEquals(0.0, d.getLabels().get(NDArrayIndex.point(b), NDArrayIndex.point(t), NDArrayIndex.all())
                            .sumNumber().doubleValue(), "no label");
                }
            }
        }
    }
}
