package org.attnlab.experiments.stats;

/**
 * What a two-sided t-test on seeds can detect. With the standard deviation s of the per-seed differences (paired) and
 * n seeds, the smallest true mean difference detected with probability {@code power} at level {@code alpha} is
 * approximately {@code (t(1 - alpha/2, n-1) + t(power, n-1)) * s / sqrt(n)} (the central-t approximation to the
 * noncentral-t power; for large n it becomes the normal closed form {@code (z(1 - alpha/2) + z(power)) * s / sqrt(n)}).
 */
public final class Power {
    /** Largest number of seeds {@link #seedsNeeded} looks at. */
    public static final int MAX_SEEDS = 100_000;

    private Power() {
    }

    /** Minimum detectable mean difference with {@code n} seeds and per-seed spread {@code sd} (NaN when n < 2). */
    public static double minimumDetectableEffect(double sd, int n, double alpha, double power) {
        return n < 2 ? Double.NaN : detectable(sd / Math.sqrt(n), n - 1, alpha, power);
    }

    /**
     * Minimum detectable difference of a two-sided t-test whose estimate has standard error {@code se} on {@code df}
     * degrees of freedom: {@code (t(1 - alpha/2, df) + t(power, df)) * se} (NaN when either is not finite).
     */
    public static double detectable(double se, double df, double alpha, double power) {
        if (!Double.isFinite(se) || !(df > 0)) {
            return Double.NaN;
        }
        return (SeedInterval.tQuantile(1 - alpha / 2, df) + SeedInterval.tQuantile(power, df)) * se;
    }

    /**
     * Fewest seeds whose minimum detectable effect is at most {@code effect} (the paired design; for two independent
     * groups of this size pass sd * sqrt(2)); -1 when more than {@value #MAX_SEEDS} would be needed or sd is unknown.
     */
    public static int seedsNeeded(double effect, double sd, double alpha, double power) {
        if (!Double.isFinite(sd) || !(effect > 0)) {
            return -1;
        }
        if (sd == 0) {
            return 2;
        }
        int lo = 2;
        int hi = MAX_SEEDS;
        if (minimumDetectableEffect(sd, hi, alpha, power) > effect) {
            return -1;
        }
        while (lo < hi) {                                          // the effect falls as n grows: bisect
            int mid = (lo + hi) >>> 1;
            if (minimumDetectableEffect(sd, mid, alpha, power) <= effect) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }
}
