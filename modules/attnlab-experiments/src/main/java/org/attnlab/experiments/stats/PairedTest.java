package org.attnlab.experiments.stats;

import java.util.Arrays;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;
import org.apache.commons.math3.stat.inference.WilcoxonSignedRankTest;

/**
 * Paired comparison of two variants that ran with the same seeds (seed i of one against seed i of the other): the
 * mean of the per-seed differences a - b with its t-interval (n - 1 degrees of freedom), the paired t-test, and from
 * {@value #WILCOXON_MIN} pairs on the exact Wilcoxon signed-rank test.
 *
 * @param n         pairs
 * @param meanDiff  mean of a - b
 * @param sdDiff    sample standard deviation of a - b (NaN when n < 2)
 * @param low       lower end of the interval of the mean difference (NaN when n < 2)
 * @param high      upper end
 * @param t         paired t statistic (NaN when n < 2 or the differences do not vary)
 * @param p         two-sided p-value of the paired t-test (NaN likewise)
 * @param wilcoxonP two-sided exact p-value of the signed-rank test (NaN when n < {@value #WILCOXON_MIN}, a difference
 *                  is 0 or two differences tie in size: the exact distribution assumes neither)
 */
public record PairedTest(int n, double meanDiff, double sdDiff, double low, double high, double t, double p,
                         double wilcoxonP) {
    /** Fewest pairs for which the signed-rank test is reported (below, its smallest possible p is 2/2^n > 0.03). */
    public static final int WILCOXON_MIN = 6;

    /**
     * Compares {@code a[i]} with {@code b[i]}; pairs where either value is not finite are dropped.
     *
     * @param level confidence level of the interval, e.g. 0.95
     */
    public static PairedTest of(double[] a, double[] b, double level) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("paired values must have the same length, were " + a.length + " and "
                    + b.length);
        }
        double[] x = new double[a.length];
        double[] y = new double[a.length];
        int n = 0;
        for (int i = 0; i < a.length; i++) {
            if (Double.isFinite(a[i]) && Double.isFinite(b[i])) {
                x[n] = a[i];
                y[n++] = b[i];
            }
        }
        x = Arrays.copyOf(x, n);
        y = Arrays.copyOf(y, n);
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = x[i] - y[i];
        }
        double mean = n == 0 ? Double.NaN : Arrays.stream(d).average().orElseThrow();
        if (n < 2) {
            return new PairedTest(n, mean, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double sd = new StandardDeviation().evaluate(d);
        double se = sd / Math.sqrt(n);
        double half = SeedInterval.tQuantile(0.5 + level / 2, n - 1) * se;
        double t = sd == 0 ? Double.NaN : mean / se;
        double p = sd == 0 ? Double.NaN : 2 * new TDistribution(n - 1).cumulativeProbability(-Math.abs(t));
        double w = n < WILCOXON_MIN || !exactRanksHold(d) ? Double.NaN
                : Math.min(1, new WilcoxonSignedRankTest().wilcoxonSignedRankTest(x, y, true));
        return new PairedTest(n, mean, sd, mean - half, mean + half, t, p, w);
    }

    /** Whether no difference is 0 and no two have the same size: what the exact signed-rank distribution assumes. */
    private static boolean exactRanksHold(double[] d) {
        double[] size = Arrays.stream(d).map(Math::abs).sorted().toArray();
        for (int i = 0; i < size.length; i++) {
            if (size[i] == 0 || i > 0 && size[i] == size[i - 1]) {
                return false;
            }
        }
        return true;
    }
}
