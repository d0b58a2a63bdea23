package org.attnlab.experiments.stats;

/**
 * The range of a metric. An interval over seeds is the t-interval of the arithmetic mean cut to this range, so it never
 * claims values the metric cannot take and always holds the mean.
 */
public enum Scale {
    /** In [0, 1] (accuracy, BLEU, alignment error rate, learning-speed area). */
    PROPORTION(0, 1),
    /** At least 0 (loss, perplexity). */
    POSITIVE(0, Double.POSITIVE_INFINITY),
    /** Any real number (differences, step counts). */
    REAL(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);

    private final double min;
    private final double max;

    Scale(double min, double max) {
        this.min = min;
        this.max = max;
    }

    /** {@code x} moved into the range. */
    double clip(double x) {
        return Math.min(max, Math.max(min, x));
    }
}
