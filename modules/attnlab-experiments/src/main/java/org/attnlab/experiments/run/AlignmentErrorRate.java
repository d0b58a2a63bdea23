package org.attnlab.experiments.run;

import java.util.HashSet;
import java.util.Set;
import java.util.function.IntFunction;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Alignment error rate (Och and Ney 2003): with predicted links {@code A}, sure links {@code S} and possible links
 * {@code P} (S within P), {@code AER = 1 - (|A ∩ S| + |A ∩ P|) / (|A| + |S|)}, pooled over a corpus. 0 is a perfect
 * alignment; with S = P and one link per target token on both sides it is the share of target tokens linked to the
 * wrong source token.
 */
public final class AlignmentErrorRate {
    /** A link between target position {@code target} and source position {@code source} of sentence {@code sentence}. */
    public record Link(int sentence, int target, int source) {
    }

    private AlignmentErrorRate() {
    }

    /** AER of {@code predicted} against {@code sure} and {@code possible} links (possible should contain sure). */
    public static double of(Set<Link> predicted, Set<Link> sure, Set<Link> possible) {
        if (predicted.isEmpty() && sure.isEmpty()) {
            throw new IllegalArgumentException("no links to score");
        }
        long aS = predicted.stream().filter(sure::contains).count();
        long aP = predicted.stream().filter(possible::contains).count();
        return 1.0 - (double) (aS + aP) / (predicted.size() + sure.size());
    }

    /**
     * The predicted links of attention weights {@code alignment [B, Tt, Ts]}: each target position of an example
     * linked to its highest-weighted real source position. Example {@code b} has {@code n} = its count of ones in
     * {@code sourceMask [B, Ts]} source tokens and {@code truth.apply(n).length} target tokens; its links carry
     * sentence number {@code firstSentence + b}.
     */
    public static Set<Link> argmaxLinks(INDArray alignment, INDArray sourceMask, IntFunction<int[]> truth,
                                        int firstSentence) {
        Set<Link> out = new HashSet<>();
        for (int b = 0; b < alignment.size(0); b++) {
            int n = sourceLength(sourceMask, b);
            int targets = truth.apply(n).length;
            double[][] w = alignment.get(NDArrayIndex.point(b), NDArrayIndex.interval(0, targets),
                    NDArrayIndex.interval(0, n)).castTo(org.nd4j.linalg.api.buffer.DataType.DOUBLE).toDoubleMatrix();
            for (int j = 0; j < targets; j++) {
                int best = 0;
                for (int i = 1; i < n; i++) {
                    if (w[j][i] > w[j][best]) {
                        best = i;
                    }
                }
                out.add(new Link(firstSentence + b, j, best));
            }
        }
        return out;
    }

    /** The true links of the examples of a batch with {@code sourceMask [B, Ts]}, numbered as in {@link #argmaxLinks}. */
    public static Set<Link> trueLinks(INDArray sourceMask, IntFunction<int[]> truth, int firstSentence) {
        Set<Link> out = new HashSet<>();
        for (int b = 0; b < sourceMask.size(0); b++) {
            int[] sources = truth.apply(sourceLength(sourceMask, b));
            for (int j = 0; j < sources.length; j++) {
                out.add(new Link(firstSentence + b, j, sources[j]));
            }
        }
        return out;
    }

    private static int sourceLength(INDArray sourceMask, int b) {
        return (int) Math.round(sourceMask.get(NDArrayIndex.point(b), NDArrayIndex.all()).sumNumber().doubleValue());
    }
}
