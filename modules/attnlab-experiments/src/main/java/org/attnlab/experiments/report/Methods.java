package org.attnlab.experiments.report;

import java.util.List;
import java.util.Locale;
import org.attnlab.experiments.config.ReportSettings;
import org.attnlab.experiments.stats.PairedTest;
import org.attnlab.experiments.stats.Scale;

/** The methods section of a report: how each interval, test and flag was computed. */
final class Methods {
    private Methods() {
    }

    static List<String> paragraphs(ReportSettings s) {
        String level = String.format(Locale.ROOT, "%.0f%%", 100 * (1 - s.alpha()));
        return List.of(
                "**Intervals over seeds.** A " + level + " Student-t interval (n - 1 degrees of freedom) computed on "
                        + "a scale where the metric is unbounded and mapped back, so it stays inside the metric's "
                        + "range: accuracies, BLEU and the learning-speed area (all in [0, 1]) on the logit scale "
                        + "log(p / (1 - p)), with values clamped to [" + Scale.EPSILON + ", 1 - " + Scale.EPSILON
                        + "] first; losses on the log scale. When all seeds agree the interval is that value. The "
                        + "mean and standard deviation are the ordinary ones of the raw values.",
                "**Tests.** Only variants trained on the same dataset section (same task and sizes) are compared. "
                        + "When two variants ran with the same seeds, seed s fixes the data split and the "
                        + "initialisation of both, so they are compared pairwise: the paired t-test on the per-seed "
                        + "differences, with the mean difference and its t-interval, and from "
                        + PairedTest.WILCOXON_MIN + " seeds on also the exact Wilcoxon signed-rank test (with fewer "
                        + "seeds it cannot reach p < 0.05). Welch's unequal-variance t-test is used only when the "
                        + "seeds differ. Compared metrics: final test accuracy (and BLEU where measured) and the "
                        + "area under the validation accuracy curve (learning speed).",
                "**Multiple comparisons.** Holm's step-down correction across all comparisons of the report "
                        + "(family-wise error rate " + s.alpha() + "): sorted p-values p(1) <= ... <= p(m) become "
                        + "max over j <= i of min(1, (m - j + 1) p(j)). Both raw and adjusted p-values are shown.",
                "**Power.** Minimum detectable difference at 80% power and alpha = " + s.alpha() + ": "
                        + "(t(1 - alpha/2, n - 1) + t(0.8, n - 1)) * sd / sqrt(n), with sd the standard deviation of "
                        + "the per-seed differences (the usual central-t approximation of the noncentral-t power; it "
                        + "gives the textbook sample sizes 34, 15 and 10 for standardised effects 0.5, 0.8 and 1.0). "
                        + "Seeds needed: the smallest n whose detectable difference is at most " + s.effect()
                        + " (config key report.effect). For Welch comparisons the standard error and "
                        + "Welch-Satterthwaite degrees of freedom replace sd / sqrt(n) and n - 1.",
                "**Flags.** Computed from the data: ceiling = mean accuracy within " + Flag.CEILING_MARGIN + " of 1; "
                        + "chance = mean accuracy within " + Flag.CHANCE_MARGIN + " of the dataset's chance level "
                        + "(1 / content tokens for synthetic tasks, 1 / value tokens for associative recall, 1 / 10 "
                        + "for Fashion-MNIST); not converged = validation loss fell by more than "
                        + Math.round(100 * s.convergence()) + "% over the last " + Math.round(100 * Flag.LAST_SHARE)
                        + "% of the steps (config key report.convergence); zero = BLEU exactly 0. A comparison "
                        + "carries a flag when both variants have it (not converged: when any of their runs has it).",
                "**Test checkpoint.** Every run validates periodically and keeps the checkpoint with the lowest "
                        + "validation loss (the earliest on ties); test metrics are computed with those weights, and "
                        + "'tested at step' says which step that was.");
    }
}
