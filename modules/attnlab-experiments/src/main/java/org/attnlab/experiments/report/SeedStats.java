package org.attnlab.experiments.report;

import java.util.Arrays;
import java.util.Locale;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * Mean, sample standard deviation and 95% t confidence interval of one metric over seeds.
 *
 * @param n    number of seeds with a finite value
 * @param mean mean (NaN when n = 0)
 * @param std  sample standard deviation (NaN when n < 2)
 * @param half half width of the 95% confidence interval (NaN when n < 2)
 */
public record SeedStats(int n, double mean, double std, double half) {

    /** Statistics of the finite values in {@code xs}. */
    public static SeedStats of(double[] xs) {
        double[] v = Arrays.stream(xs).filter(Double::isFinite).toArray();
        int n = v.length;
        double mean = n == 0 ? Double.NaN : Arrays.stream(v).average().orElseThrow();
        if (n < 2) {
            return new SeedStats(n, mean, Double.NaN, Double.NaN);
        }
        double ss = Arrays.stream(v).map(x -> (x - mean) * (x - mean)).sum();
        double std = Math.sqrt(ss / (n - 1));
        double t = new TDistribution(n - 1).inverseCumulativeProbability(0.975);
        return new SeedStats(n, mean, std, t * std / Math.sqrt(n));
    }

    /** {@code mean ± std [low, high]} with {@code digits} decimals. */
    public String format(int digits) {
        String f = "%." + digits + "f";
        return n < 2 ? formatShort(digits)
                : formatShort(digits) + String.format(Locale.ROOT, " [" + f + ", " + f + "]", mean - half, mean + half);
    }

    /** {@code mean ± std} with {@code digits} decimals. */
    public String formatShort(int digits) {
        String f = "%." + digits + "f";
        if (n < 2) {
            return n == 0 ? "n/a" : String.format(Locale.ROOT, f, mean);
        }
        return String.format(Locale.ROOT, f + " ± " + f, mean, std);
    }
}
