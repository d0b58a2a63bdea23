package org.attnlab.experiments.stats;

/**
 * The range of a metric, which decides the scale its interval over seeds is computed on: the t-interval is taken on
 * a transformed scale where the metric is unbounded and mapped back, so it never leaves the metric's range.
 */
public enum Scale {
    /** In [0, 1] (accuracy, BLEU): logit scale; values are clamped to [{@value #EPSILON}, 1 - {@value #EPSILON}] first. */
    PROPORTION {
        @Override
        double forward(double x) {
            double p = Math.min(1 - EPSILON, Math.max(EPSILON, x));
            return Math.log(p / (1 - p));
        }

        @Override
        double back(double y) {
            return 1 / (1 + Math.exp(-y));
        }
    },
    /** At least 0 (loss): log scale; values are clamped to at least {@value #EPSILON} first. */
    POSITIVE {
        @Override
        double forward(double x) {
            return Math.log(Math.max(EPSILON, x));
        }

        @Override
        double back(double y) {
            return Math.exp(y);
        }
    },
    /** Any real number (differences, step counts): the plain t-interval. */
    REAL {
        @Override
        double forward(double x) {
            return x;
        }

        @Override
        double back(double y) {
            return y;
        }
    };

    /** How close to a bound a value is taken to be before transforming (0 and 1 have no finite logit). */
    public static final double EPSILON = 1e-4;

    /** The value on the unbounded scale. */
    abstract double forward(double x);

    /** The inverse of {@link #forward}. */
    abstract double back(double y);
}
