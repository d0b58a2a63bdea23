package org.attnlab.experiments.config;

import org.attnlab.models.support.ConfigChecks;
import org.attnlab.models.support.ConfigValueException;

/**
 * The optional {@code report} section: how {@code attnlab report} compares variants. It does not change what is
 * trained, so it is not part of a run's identity.
 *
 * @param compare          {@code all_pairs}, or a variant name: every other variant is compared with that one
 * @param alpha            significance level of the tests and of the minimum detectable effect
 * @param threshold        validation token accuracy at which a run counts as having learned the task (learning speed)
 * @param effect           a difference (in the compared metric's units) for which the report says how many seeds
 *                         would detect it with 80% power
 * @param convergence      a run is "not converged" when its validation loss fell by more than this fraction over the
 *                         last 20% of its steps
 */
public record ReportSettings(String compare, double alpha, double threshold, double effect, double convergence) {
    /** Value of {@code compare} that compares every pair of variants. */
    public static final String ALL_PAIRS = "all_pairs";
    /** What a file without a {@code report} section gets. */
    public static final ReportSettings DEFAULTS = new ReportSettings(ALL_PAIRS, 0.05, 0.95, 0.01, 0.02);

    public ReportSettings {
        if (compare == null || compare.isBlank()) {
            throw new ConfigValueException("compare", "give all_pairs or a variant name");
        }
        ConfigChecks.inOpenClosed("alpha", alpha, 0, 0.5);
        ConfigChecks.inOpenClosed("threshold", threshold, 0, 1);
        ConfigChecks.inOpenClosed("effect", effect, 0, 1e9);
        ConfigChecks.inOpenClosed("convergence", convergence, 0, 1);
    }

    /** True when every variant is compared with one reference variant. */
    public boolean hasReference() {
        return !ALL_PAIRS.equals(compare);
    }
}
