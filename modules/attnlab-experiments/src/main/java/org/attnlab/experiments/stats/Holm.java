package org.attnlab.experiments.stats;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Holm's step-down correction for multiple comparisons: with the m finite p-values sorted ascending,
 * p_(i) becomes max_{j <= i} min(1, (m - j + 1) p_(j)). It controls the family-wise error rate like Bonferroni and
 * rejects at least as often.
 */
public final class Holm {
    private Holm() {
    }

    /** Adjusted p-values in the order of {@code p}; NaN entries stay NaN and do not count towards m. */
    public static double[] adjust(double[] p) {
        Integer[] order = IntStream.range(0, p.length).filter(i -> !Double.isNaN(p[i])).boxed()
                .sorted(Comparator.comparingDouble(i -> p[i])).toArray(Integer[]::new);
        double[] out = new double[p.length];
        Arrays.fill(out, Double.NaN);
        int m = order.length;
        double running = 0;
        for (int j = 0; j < m; j++) {
            running = Math.max(running, Math.min(1, (m - j) * p[order[j]]));
            out[order[j]] = running;
        }
        return out;
    }
}
