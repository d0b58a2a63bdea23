package org.attnlab.experiments.stats;

import java.util.Arrays;
import java.util.Locale;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;

/**
 * Mean and sample standard deviation of one metric over seeds, with the t-interval of the mean (n - 1 degrees of
 * freedom) cut to the metric's range ({@link Scale}), so it always holds the mean and never leaves the range. When
 * every seed gives the same value the interval is that value.
 *
 * @param n    number of seeds with a finite value
 * @param mean arithmetic mean (NaN when n = 0)
 * @param std  sample standard deviation (NaN when n < 2)
 * @param low  lower end of the interval (NaN when n < 2)
 * @param high upper end of the interval (NaN when n < 2)
 */
public record SeedInterval(int n, double mean, double std, double low, double high) {

    /** The interval at {@code level} (e.g. 0.95) of the finite values of {@code xs} on {@code scale}. */
    public static SeedInterval of(double[] xs, Scale scale, double level) {
        double[] v = finite(xs);
        int n = v.length;
        double mean = n == 0 ? Double.NaN : Arrays.stream(v).average().orElseThrow();
        if (n < 2) {
            return new SeedInterval(n, mean, Double.NaN, Double.NaN, Double.NaN);
        }
        double std = new StandardDeviation().evaluate(v);
        double half = tQuantile(0.5 + level / 2, n - 1) * std / Math.sqrt(n);
        return new SeedInterval(n, mean, std, scale.clip(mean - half), scale.clip(mean + half));
    }

    /** {@code mean ± std [low, high]} with {@code digits} decimals ({@code n/a} without values). */
    public String format(int digits) {
        String f = "%." + digits + "f";
        return n < 2 ? formatShort(digits)
                : formatShort(digits) + String.format(Locale.ROOT, " [" + f + ", " + f + "]", low, high);
    }

    /** {@code mean ± std} with {@code digits} decimals. */
    public String formatShort(int digits) {
        String f = "%." + digits + "f";
        if (n < 2) {
            return n == 0 ? "n/a" : String.format(Locale.ROOT, f, mean);
        }
        return String.format(Locale.ROOT, f + " ± " + f, mean, std);
    }

    /** The {@code p} quantile of Student's t with {@code df} degrees of freedom. */
    static double tQuantile(double p, double df) {
        return new TDistribution(df).inverseCumulativeProbability(p);
    }

    static double[] finite(double[] xs) {
        return Arrays.stream(xs).filter(Double::isFinite).toArray();
    }
}
