package org.attnlab.experiments.report;

import java.util.List;
import java.util.Locale;
import org.attnlab.experiments.config.ReportSettings;
import org.attnlab.experiments.stats.PairedTest;

/** The methods section of a report: how each interval, test and flag was computed. */
final class Methods {
    private Methods() {
    }

    static List<String> paragraphs(ReportSettings s) {
        String level = String.format(Locale.ROOT, "%.0f%%", 100 * (1 - s.alpha()));
        return List.of(
                "**Intervals over seeds.** The mean and sample standard deviation of the raw values, and the "
                        + level + " Student-t interval of the mean (n - 1 degrees of freedom), cut to the metric's "
                        + "range: [0, 1] for accuracies, BLEU, alignment error and the learning-speed area, at least "
                        + "0 for losses. An interval that reaches a bound was cut there. When all seeds agree the "
                        + "interval is that value.",
                "**Tests.** Only variants trained on the same dataset section (same task and sizes) are compared. "
                        + "Seed s fixes the data split and the initialisation of every variant, so two variants are "
                        + "compared pairwise on the seeds both ran (when they share at least two; n counts them): the "
                        + "paired t-test on the per-seed differences, with the mean difference and its t-interval, "
                        + "and from " + PairedTest.WILCOXON_MIN + " pairs on also the exact Wilcoxon signed-rank test "
                        + "(with fewer pairs it cannot reach p < 0.05), shown only when no difference is 0 and no two "
                        + "tie (the exact test assumes neither) and not adjusted for multiple comparisons. Welch's "
                        + "unequal-variance t-test is used only when fewer than two seeds are shared. Compared "
                        + "metrics: final test accuracy (and BLEU where measured) and the area under the validation "
                        + "accuracy curve (learning speed).",
                "**Multiple comparisons.** Holm's step-down correction across the m comparisons of the report "
                        + "that have a p-value (family-wise error rate " + s.alpha() + "): sorted p-values p(1) <= "
                        + "... <= p(m) become max over j <= i of min(1, (m - j + 1) p(j)). Both raw and adjusted "
                        + "p-values are shown. A comparison whose per-seed differences are all equal has no p-value "
                        + "and is flagged 'constant difference'.",
                "**Power.** Minimum detectable difference at 80% power and level alpha / m (the level Holm's "
                        + "correction asks of the smallest p-value, alpha = " + s.alpha() + "): "
                        + "(t(1 - level/2, n - 1) + t(0.8, n - 1)) * sd / sqrt(n), with sd the standard deviation of "
                        + "the per-seed differences (the usual central-t approximation of the noncentral-t power; it "
                        + "gives the textbook sample sizes 34, 15 and 10 for standardised effects 0.5, 0.8 and 1.0). "
                        + "Seeds needed: the smallest n whose detectable difference at that level is at most "
                        + s.effect()
                        + " (config key report.effect). For Welch comparisons the standard error and "
                        + "Welch-Satterthwaite degrees of freedom replace sd / sqrt(n) and n - 1.",
                "**Flags.** Computed from the data: ceiling = mean accuracy, BLEU or learning area within "
                        + Flag.CEILING_MARGIN + " of 1, or mean alignment error rate within " + Flag.CEILING_MARGIN
                        + " of 0; "
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
