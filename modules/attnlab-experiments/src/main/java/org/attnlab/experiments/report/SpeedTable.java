package org.attnlab.experiments.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.attnlab.experiments.config.ReportSettings;
import org.attnlab.experiments.stats.Scale;
import org.attnlab.experiments.stats.SeedInterval;

/** Learning speed per variant: steps to reach the threshold and the area under the validation accuracy curve. */
final class SpeedTable {
    private SpeedTable() {
    }

    static Table of(List<VariantRuns> variants, ReportSettings s) {
        List<List<String>> rows = new ArrayList<>();
        for (VariantRuns v : variants) {
            rows.add(List.of(v.variant(), v.task(), steps(v, s.threshold()),
                    SeedInterval.of(Metric.LEARNING_AREA.of(v.runs()), Metric.LEARNING_AREA.scale(), 1 - s.alpha())
                            .format(3)));
        }
        return new Table("Learning speed (validation split)", List.of("variant", "task",
                String.format(Locale.ROOT, "steps to validation token accuracy >= %.2f", s.threshold()),
                "area under validation accuracy"), rows,
                List.of("Steps: the first validated step at or above the threshold, mean ± std over the seeds that "
                        + "reached it; 'not reached' when a seed never did by its last step. Area: mean validation "
                        + "token accuracy between the first and the last validation (trapezoid rule), 1 = perfect "
                        + "from the first validation. These columns measure how fast a variant learns, not where it "
                        + "ends."));
    }

    /** Steps to the threshold over seeds, saying how many seeds never reached it. */
    static String steps(VariantRuns v, double threshold) {
        double[] reached = v.runs().stream().mapToLong(r -> LearningSpeed.stepsTo(r.curve(), threshold))
                .filter(x -> x != LearningSpeed.NOT_REACHED).asDoubleStream().toArray();
        int n = v.runs().size();
        if (v.runs().stream().allMatch(r -> r.curve().isEmpty())) {
            return "n/a";
        }
        if (reached.length == 0) {
            return "not reached";
        }
        String mean = SeedInterval.of(reached, Scale.REAL, 0.95).formatShort(0);
        return reached.length == n ? mean : "not reached in " + (n - reached.length) + " of " + n + " seeds (others: "
                + mean + ")";
    }

    /** The mean step at which the variant's seeds reached the threshold, NaN unless every seed did. */
    static double meanStepsIfAllReached(VariantRuns v, double threshold) {
        long[] steps = v.runs().stream().mapToLong(r -> LearningSpeed.stepsTo(r.curve(), threshold)).toArray();
        return java.util.Arrays.stream(steps).anyMatch(x -> x == LearningSpeed.NOT_REACHED) ? Double.NaN
                : java.util.Arrays.stream(steps).average().orElse(Double.NaN);
    }
}
