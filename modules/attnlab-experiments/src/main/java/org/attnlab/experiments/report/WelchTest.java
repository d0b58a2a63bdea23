package org.attnlab.experiments.report;

import java.util.Arrays;
import org.apache.commons.math3.stat.inference.TTest;

/**
 * Welch's unequal-variance t-test between two variants' per-seed values.
 *
 * @param t t statistic (NaN when either side has fewer than two finite values)
 * @param p two-sided p-value (NaN likewise, or when neither side varies)
 */
public record WelchTest(double t, double p) {

    /** Tests {@code a} against {@code b}, ignoring non-finite values. */
    public static WelchTest of(double[] a, double[] b) {
        double[] x = Arrays.stream(a).filter(Double::isFinite).toArray();
        double[] y = Arrays.stream(b).filter(Double::isFinite).toArray();
        if (x.length < 2 || y.length < 2) {
            return new WelchTest(Double.NaN, Double.NaN);
        }
        TTest test = new TTest();
        return new WelchTest(test.t(x, y), test.tTest(x, y));
    }
}
