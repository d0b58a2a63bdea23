package org.attnlab.datasets.iter;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.nd4j.linalg.dataset.api.iterator.MultiDataSetIterator;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IteratorsTest {

    private static final BatchOptions IN_ORDER = BatchOptions.of(2, 0).withShuffle(false);
    /** Five examples of lengths 1 to 3, some positions unlabelled. */
    private static final List<SequenceExample> MIXED_LENGTHS = List.of(
            new SequenceExample(new int[]{5, 6, 7}, new int[]{6, 7, 8}),
            new SequenceExample(new int[]{4, 3}, new int[]{SequenceExample.NO_TARGET, 2}),
            new SequenceExample(new int[]{1}, new int[]{9}),
            new SequenceExample(new int[]{2, 8, 9}, new int[]{3, SequenceExample.NO_TARGET, 4}),
            new SequenceExample(new int[]{7, 7}, new int[]{1, 1}));

    private static float[][] rows(org.nd4j.linalg.api.ndarray.INDArray a) {
        return a.toFloatMatrix();
    }

    @Test
    void sequenceBatchIsPaddedAndMasked() {
        List<SequenceExample> examples = List.of(
                new SequenceExample(new int[]{5, 6, 7}, new int[]{6, 7, 8}),
                new SequenceExample(new int[]{4, 3}, new int[]{SequenceExample.NO_TARGET, 2}));
        DataSet ds = new SequenceDataSetIterator(examples, 10, IN_ORDER).next();
        assertArrayEquals(new float[][]{{5, 6, 7}, {4, 3, 0}}, rows(ds.getFeatures()));
        assertArrayEquals(new float[][]{{1, 1, 1}, {1, 1, 0}}, rows(ds.getFeaturesMaskArray()));
        assertArrayEquals(new float[][]{{1, 1, 1}, {0, 1, 0}}, rows(ds.getLabelsMaskArray()));
        assertArrayEquals(new long[]{2, 3, 10}, ds.getLabels().shape());
        assertEquals(1f, ds.getLabels().getFloat(0, 0, 6));
        assertEquals(1f, ds.getLabels().getFloat(0, 2, 8));
        assertEquals(1f, ds.getLabels().getFloat(1, 1, 2));
        assertEquals(4f, ds.getLabels().sumNumber().floatValue());

        DataSet idx = new SequenceDataSetIterator(examples, 10, IN_ORDER.withLabelFormat(LabelFormat.INDEX)).next();
        assertArrayEquals(new float[][]{{6, 7, 8}, {0, 2, 0}}, rows(idx.getLabels()));
    }

    @Test
    void reusedArraysHoldEachBatchAsNewOnesWould() {
        List<SequenceExample> examples = MIXED_LENGTHS;
        BatchOptions options = BatchOptions.of(2, 3);
        SequenceDataSetIterator fresh = new SequenceDataSetIterator(examples, 10, options, 3);
        SequenceDataSetIterator reused = new SequenceDataSetIterator(examples, 10, options.withReusedArrays(true), 3);
        DataSet previous = null;
        for (int epoch = 0; epoch < 2; epoch++) {
            while (fresh.hasNext()) {
                DataSet a = fresh.next();
                DataSet b = reused.next();
                assertEquals(a.getFeatures(), b.getFeatures());
                assertEquals(a.getLabels(), b.getLabels());
                assertEquals(a.getFeaturesMaskArray(), b.getFeaturesMaskArray());
                assertEquals(a.getLabelsMaskArray(), b.getLabelsMaskArray());
                if (previous != null && previous.getFeatures().length() == b.getFeatures().length()) {
                    assertSame(previous.getFeatures(), b.getFeatures());
                    assertSame(previous.getLabels(), b.getLabels());
                }
                previous = b;
            }
            assertFalse(reused.hasNext());
            fresh.reset();
            reused.reset();
        }
    }

    @Test
    void multiDataSetsAreTheBatchesAsToMultiDataSetGivesThem() {
        List<SequenceExample> examples = MIXED_LENGTHS;
        BatchOptions options = BatchOptions.of(2, 3);
        SequenceDataSetIterator reference = new SequenceDataSetIterator(examples, 10, options, 3);
        MultiDataSetIterator fresh = new SequenceDataSetIterator(examples, 10, options, 3).asMultiDataSets();
        MultiDataSetIterator reused = new SequenceDataSetIterator(examples, 10, options.withReusedArrays(true), 3)
                .asMultiDataSets();
        MultiDataSet previous = null;
        for (int epoch = 0; epoch < 2; epoch++) {
            while (reference.hasNext()) {
                MultiDataSet expected = reference.next().toMultiDataSet();
                MultiDataSet a = fresh.next();
                MultiDataSet b = reused.next();
                for (MultiDataSet m : List.of(a, b)) {
                    assertArrayEquals(expected.getFeatures(), m.getFeatures());
                    assertArrayEquals(expected.getLabels(), m.getLabels());
                    assertArrayEquals(expected.getFeaturesMaskArrays(), m.getFeaturesMaskArrays());
                    assertArrayEquals(expected.getLabelsMaskArrays(), m.getLabelsMaskArrays());
                }
                assertTrue(previous == null || previous == b, "one MultiDataSet, refilled");
                assertNotSame(a, b);
                previous = b;
            }
            assertFalse(fresh.hasNext() || reused.hasNext());
            reference.reset();
            fresh.reset();
            reused.reset();
        }

        // no masks: null mask arrays, as toMultiDataSet gives
        byte[] pixels = new byte[3 * 4];
        byte[] labels = {0, 1, 1};
        MultiDataSet images = new ImageDataSetIterator(pixels, 2, 2, labels, 2, IN_ORDER.withReusedArrays(true))
                .asMultiDataSets().next();
        assertNull(images.getFeaturesMaskArrays());
        assertNull(images.getLabelsMaskArrays());
        assertArrayEquals(new long[]{2, 1, 2, 2}, images.getFeatures(0).shape());
    }

    @Test
    void translationBatchShiftsTheTarget() {
        List<SequenceExample> examples = List.of(
                new SequenceExample(new int[]{5, 2}, new int[]{1, 7, 8, 2}),
                new SequenceExample(new int[]{6, 9, 4, 2}, new int[]{1, 9, 2}));
        MultiDataSet ds = new TranslationDataSetIterator(examples, 10, IN_ORDER.withLabelFormat(LabelFormat.INDEX)).next();
        assertArrayEquals(new float[][]{{5, 2, 0, 0}, {6, 9, 4, 2}}, rows(ds.getFeatures(0)));
        assertArrayEquals(new float[][]{{1, 7, 8}, {1, 9, 0}}, rows(ds.getFeatures(1)));
        assertArrayEquals(new float[][]{{7, 8, 2}, {9, 2, 0}}, rows(ds.getLabels(0)));
        assertArrayEquals(new float[][]{{1, 1, 0, 0}, {1, 1, 1, 1}}, rows(ds.getFeaturesMaskArray(0)));
        assertArrayEquals(new float[][]{{1, 1, 1}, {1, 1, 0}}, rows(ds.getFeaturesMaskArray(1)));
        assertArrayEquals(new float[][]{{1, 1, 1}, {1, 1, 0}}, rows(ds.getLabelsMaskArray(0)));
    }

    @Test
    void bothIteratorKindsApplyTheirPreprocessorResetAndKeepTheirBatchSize() {
        List<SequenceExample> examples = List.of(new SequenceExample(new int[]{5, 2}, new int[]{1, 7, 2}),
                new SequenceExample(new int[]{6, 2}, new int[]{1, 9, 2}),
                new SequenceExample(new int[]{4, 2}, new int[]{1, 8, 2}));
        SequenceDataSetIterator seq = new SequenceDataSetIterator(examples, 10, IN_ORDER);
        seq.setPreProcessor(ds -> ds.getFeatures().addi(100));
        assertEquals(105f, seq.next().getFeatures().getFloat(0, 0), "preprocessed");
        assertEquals(104f, seq.next().getFeatures().getFloat(0, 0));
        assertFalse(seq.hasNext());
        seq.reset();
        assertTrue(seq.hasNext(), "a reset starts the next epoch");
        assertThrows(UnsupportedOperationException.class, () -> seq.next(5));
        assertTrue(seq.resetSupported());
        assertFalse(seq.asyncSupported());

        TranslationDataSetIterator tr = new TranslationDataSetIterator(examples, 10, IN_ORDER);
        tr.setPreProcessor(ds -> ds.getFeatures(0).addi(100));
        assertEquals(105f, tr.next().getFeatures(0).getFloat(0, 0), "preprocessed");
        assertEquals(1, tr.next().getFeatures(0).rows(), "the last batch holds the rest");
        assertFalse(tr.hasNext());
        tr.reset();
        assertTrue(tr.hasNext(), "a reset starts the next epoch");
        assertThrows(UnsupportedOperationException.class, () -> tr.next(5));
        assertTrue(tr.resetSupported());
        assertFalse(tr.asyncSupported());
        assertEquals(3, tr.exampleCount());
    }

    @Test
    void cursorShufflesBySeedAndCoversEveryExampleOnce() {
        int[] lengths = new int[23];
        BatchCursor a = new BatchCursor(lengths, BatchOptions.of(5, 42));
        BatchCursor b = new BatchCursor(lengths, BatchOptions.of(5, 42));
        List<Integer> epoch0 = drain(a);
        assertEquals(drain(b), epoch0, "same seed, same order");
        assertEquals(23, epoch0.stream().distinct().count());
        a.reset();
        List<Integer> epoch1 = drain(a);
        assertEquals(23, epoch1.stream().distinct().count());
        assertFalse(epoch0.equals(epoch1), "each epoch has its own shuffle");
        assertFalse(epoch0.equals(drain(new BatchCursor(lengths, BatchOptions.of(5, 43)))));
    }

    @Test
    void smallSampleUsesTheFirstExamples() {
        BatchCursor c = new BatchCursor(new int[100], BatchOptions.of(4, 1).withSmallSample(10));
        assertEquals(10, c.exampleCount());
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9), drain(c).stream().sorted().toList());
    }

    @Test
    void bucketingGroupsSimilarLengths() {
        int[] lengths = new int[200];
        for (int i = 0; i < 200; i++) {
            lengths[i] = (i * 37) % 200 + 1; // a permutation of 1..200
        }
        BatchCursor c = new BatchCursor(lengths, BatchOptions.of(10, 3).withBucketing(true));
        int batches = 0;
        while (c.hasNext()) {
            int[] batch = c.next();
            int min = Integer.MAX_VALUE;
            int max = 0;
            for (int i : batch) {
                min = Math.min(min, lengths[i]);
                max = Math.max(max, lengths[i]);
            }
            assertEquals(9, max - min, "ten consecutive lengths per batch");
            batches++;
        }
        assertEquals(20, batches);
    }

    @Test
    void cursorBatchesAreThoseOfTheBoxedShuffleAndSort() {
        int[] lengths = new int[237];
        for (int i = 0; i < lengths.length; i++) {
            lengths[i] = (i * 7919) % 13; // many ties: the sort must keep their shuffled order
        }
        for (BatchOptions o : List.of(BatchOptions.of(32, 5), BatchOptions.of(4, 9).withBucketing(true),
                BatchOptions.of(3, 2).withShuffle(false).withBucketing(true), BatchOptions.of(10, 1).withSmallSample(55),
                BatchOptions.of(7, 4).withShuffle(false), BatchOptions.of(1, 6), BatchOptions.of(500, 8))) {
            BatchCursor c = new BatchCursor(lengths, o);
            for (int epoch = 0; epoch < 4; epoch++) {
                List<int[]> expected = boxedPlan(lengths, o, epoch);
                // epoch 1 is left half way (the next epoch's shuffle, done a little per batch, must still finish)
                int taken = epoch == 1 ? expected.size() / 2 : expected.size();
                for (int[] batch : expected.subList(0, taken)) {
                    assertArrayEquals(batch, c.next(), o + ", epoch " + epoch);
                }
                assertEquals(taken < expected.size(), c.hasNext());
                c.reset();
            }
        }
    }

    /** The epoch's batches by Collections.shuffle and a stable sort on boxed indices, worked out independently. */
    private static List<int[]> boxedPlan(int[] lengths, BatchOptions o, int epoch) {
        int n = o.maxExamples() == 0 ? lengths.length : Math.min(o.maxExamples(), lengths.length);
        java.util.Random random = new java.util.Random(o.seed() * 1_000_003L + epoch);
        List<Integer> order = new java.util.ArrayList<>(java.util.stream.IntStream.range(0, n).boxed().toList());
        if (o.shuffle()) {
            java.util.Collections.shuffle(order, random);
        }
        int pool = o.batchSize() * BatchCursor.POOL_BATCHES;
        if (o.bucketByLength()) {
            for (int start = 0; start < n; start += pool) {
                order.subList(start, Math.min(n, start + pool)).sort(java.util.Comparator.comparingInt(i -> lengths[i]));
            }
        }
        List<int[]> batches = new java.util.ArrayList<>();
        for (int start = 0; start < n; start += o.batchSize()) {
            batches.add(order.subList(start, Math.min(n, start + o.batchSize())).stream().mapToInt(i -> i).toArray());
        }
        if (o.bucketByLength() && o.shuffle()) {
            java.util.Collections.shuffle(batches, random);
        }
        return batches;
    }

    private static List<Integer> drain(BatchCursor c) {
        List<Integer> out = new java.util.ArrayList<>();
        while (c.hasNext()) {
            for (int i : c.next()) {
                out.add(i);
            }
        }
        return out;
    }
}
