package org.attnlab.experiments.stats;

import java.util.Arrays;
import org.apache.commons.math3.stat.descriptive.moment.Variance;
import org.apache.commons.math3.stat.inference.TTest;

/**
 * Welch's unequal-variance t-test between two variants' per-seed values, for variants that do not share their seeds
 * (otherwise {@link PairedTest} applies), with the interval of the difference of means on Welch-Satterthwaite degrees
 * of freedom.
 *
 * @param t    t statistic (NaN when either side has fewer than two finite values, or neither varies)
 * @param p    two-sided p-value (NaN likewise)
 * @param diff mean of a minus mean of b
 * @param low  lower end of the interval of {@code diff}
 * @param high upper end
 * @param se   standard error of the difference, sqrt(s_a^2/n_a + s_b^2/n_b)
 * @param df   Welch-Satterthwaite degrees of freedom
 */
public record WelchTest(double t, double p, double diff, double low, double high, double se, double df) {

    /** Tests {@code a} against {@code b} with an interval at {@code level}, ignoring non-finite values. */
    public static WelchTest of(double[] a, double[] b, double level) {
        double[] x = SeedInterval.finite(a);
        double[] y = SeedInterval.finite(b);
        double diff = Arrays.stream(x).average().orElse(Double.NaN) - Arrays.stream(y).average().orElse(Double.NaN);
        if (x.length < 2 || y.length < 2) {
            return new WelchTest(Double.NaN, Double.NaN, diff, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double vx = new Variance().evaluate(x) / x.length;
        double vy = new Variance().evaluate(y) / y.length;
        if (vx + vy == 0) {
            return new WelchTest(Double.NaN, Double.NaN, diff, diff, diff, 0, Double.NaN);
        }
        double df = (vx + vy) * (vx + vy) / (vx * vx / (x.length - 1) + vy * vy / (y.length - 1));
        double se = Math.sqrt(vx + vy);
        double half = SeedInterval.tQuantile(0.5 + level / 2, df) * se;
        TTest test = new TTest();
        return new WelchTest(test.t(x, y), test.tTest(x, y), diff, diff - half, diff + half, se, df);
    }

    /** The spread of a single difference a_i - b_j, sqrt(s_a^2 + s_b^2) (NaN with fewer than two values a side). */
    public static double differenceSd(double[] a, double[] b) {
        double[] x = SeedInterval.finite(a);
        double[] y = SeedInterval.finite(b);
        return x.length < 2 || y.length < 2 ? Double.NaN
                : Math.sqrt(new Variance().evaluate(x) + new Variance().evaluate(y));
    }
}
