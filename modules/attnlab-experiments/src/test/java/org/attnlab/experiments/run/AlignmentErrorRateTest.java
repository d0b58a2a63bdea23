package org.attnlab.experiments.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.attnlab.datasets.iter.BatchOptions;
import org.attnlab.datasets.synthetic.ReorderingTranslation;
import org.attnlab.experiments.kinds.RawBatches;
import org.attnlab.experiments.run.AlignmentErrorRate.Link;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;

class AlignmentErrorRateTest {
    private static final ReorderingTranslation TASK = new ReorderingTranslation(10, 2, 3, 2);

    /** Och and Ney's formula by hand: |A| = 3, |S| = 1, |A ∩ S| = 1, |A ∩ P| = 2 -> 1 - 3 / 4. */
    @Test
    void formulaWithSureAndPossibleLinks() {
        Set<Link> a = Set.of(new Link(0, 0, 0), new Link(0, 1, 1), new Link(0, 2, 0));
        Set<Link> s = Set.of(new Link(0, 0, 0));
        Set<Link> p = Set.of(new Link(0, 0, 0), new Link(0, 1, 1), new Link(0, 2, 2));
        assertEquals(0.25, AlignmentErrorRate.of(a, s, p), 1e-12);
    }

    /** Attention that puts its largest weight on the true source token of every target token scores AER 0. */
    @Test
    void trueAttentionOnRealBatchesScoresZero() {
        MultiDataSet batch = batch();
        INDArray mask = RawBatches.sourceMask(batch);
        INDArray w = attention(mask, n -> TASK.alignment(n));
        assertEquals(0.0, AlignmentErrorRate.of(AlignmentErrorRate.argmaxLinks(w, mask, TASK::alignment, 0),
                AlignmentErrorRate.trueLinks(mask, TASK::alignment, 0),
                AlignmentErrorRate.trueLinks(mask, TASK::alignment, 0)), 1e-12);
    }

    /**
     * Monotone attention on block-2 reversal: with n = 2 both links are wrong, with n = 3 the first two are and the
     * third (a block of one) is right. So AER = 1 - 2 * (#sentences of length 3) / (2 * #target tokens).
     */
    @Test
    void monotoneAttentionOnBlockReversalScoresTheHandWorkedValue() {
        MultiDataSet batch = batch();
        INDArray mask = RawBatches.sourceMask(batch);
        int[] lengths = mask.sum(1).toIntVector();
        long threes = java.util.Arrays.stream(lengths).filter(n -> n == 3).count();
        long tokens = java.util.Arrays.stream(lengths).sum();
        INDArray w = attention(mask, n -> new ReorderingTranslation(10, n, n, 1).alignment(n));
        Set<Link> truth = AlignmentErrorRate.trueLinks(mask, TASK::alignment, 0);
        double expected = 1.0 - (double) threes / tokens;
        assertEquals(expected, AlignmentErrorRate.of(AlignmentErrorRate.argmaxLinks(w, mask, TASK::alignment, 0),
                truth, truth), 1e-12);
        assertEquals(8, lengths.length);
    }

    /** Two sentences, lengths 3 and 2, one wrong link each: |A| = |S| = 5, |A ∩ S| = 3, AER = 1 - 6 / 10. */
    @Test
    void oneWrongLinkPerSentenceByHand() {
        INDArray mask = Nd4j.createFromArray(new float[][]{{1, 1, 1}, {1, 1, 0}});
        INDArray w = Nd4j.zeros(DataType.FLOAT, 2, 3, 3);
        int[][] predicted = {{1, 0, 0}, {0, 0}};
        for (int b = 0; b < 2; b++) {
            for (int j = 0; j < predicted[b].length; j++) {
                w.putScalar(new int[]{b, j, predicted[b][j]}, 0.8);
            }
        }
        Set<Link> truth = AlignmentErrorRate.trueLinks(mask, TASK::alignment, 0);
        assertEquals(Set.of(new Link(0, 0, 1), new Link(0, 1, 0), new Link(0, 2, 2), new Link(1, 0, 1),
                new Link(1, 1, 0)), truth);
        assertEquals(0.4, AlignmentErrorRate.of(AlignmentErrorRate.argmaxLinks(w, mask, TASK::alignment, 0), truth,
                truth), 1e-12);
    }

    private static MultiDataSet batch() {
        List<MultiDataSet> b = SyntheticSplits.batches(TASK.iterator(8, 11, BatchOptions.of(8, 11).withShuffle(false)));
        return b.get(0);
    }

    /** Attention {@code [B, T, T]} with weight 0.7 on {@code links(n)[j]} and 0.3 spread over the other real tokens. */
    private static INDArray attention(INDArray mask, java.util.function.IntFunction<int[]> links) {
        int[] lengths = mask.sum(1).toIntVector();
        long t = mask.size(1);
        INDArray w = Nd4j.zeros(DataType.FLOAT, lengths.length, t + 1, t);
        for (int b = 0; b < lengths.length; b++) {
            int[] l = links.apply(lengths[b]);
            for (int j = 0; j < l.length; j++) {
                for (int i = 0; i < lengths[b]; i++) {
                    w.putScalar(new int[]{b, j, i}, i == l[j] ? 0.7 : 0.3 / (lengths[b] - 1));
                }
            }
        }
        return w;
    }
}
