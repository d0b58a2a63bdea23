package org.attnlab.experiments.report;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.attnlab.experiments.config.ReportSettings;
import org.attnlab.experiments.stats.SeedInterval;

/** Final quality per variant on the test split: accuracies, loss, BLEU over seeds, the tested step, and flags. */
final class QualityTable {
    private QualityTable() {
    }

    static Table of(List<VariantRuns> variants, ReportSettings s) {
        boolean bleu = variants.stream().anyMatch(VariantRuns::measuresBleu);
        boolean classes = !variants.isEmpty() && variants.stream().allMatch(VariantRuns::images);
        double level = 1 - s.alpha();
        boolean tasks = variants.stream().anyMatch(v -> v.dataset() != null);
        List<List<String>> rows = new ArrayList<>();
        for (VariantRuns v : variants) {
            List<String> row = new ArrayList<>(List.of(v.variant()));
            if (tasks) {
                row.add(v.task());
            }
            row.addAll(List.of(Integer.toString(v.runs().size()), interval(v, Metric.TOKEN_ACCURACY, level, 3)));
            if (!classes) {
                row.add(interval(v, Metric.SEQUENCE_ACCURACY, level, 3));
            }
            row.add(interval(v, Metric.LOSS, level, 4));
            if (bleu) {
                row.add(v.measuresBleu() ? SeedInterval.of(Metric.BLEU.of(v.runs()), Metric.BLEU.scale(), level)
                        .format(3) : "-");
            }
            row.addAll(List.of(testedSteps(v), Long.toString(v.runs().get(0).summary().parameters()),
                    flags(v, s)));
            rows.add(row);
        }
        List<String> header = new ArrayList<>(List.of("variant"));
        if (tasks) {
            header.add("task");
        }
        header.addAll(List.of("seeds", classes ? "accuracy" : "token accuracy"));
        if (!classes) {
            header.add("sequence accuracy");
        }
        header.add("loss");
        if (bleu) {
            header.add("BLEU-4 (0-1)");
        }
        header.addAll(List.of("tested at step", "parameters", "flags"));
        return new Table("Final quality (test split)", header, rows,
                List.of("Cells: mean ± sample standard deviation [confidence interval] over seeds."));
    }

    private static String interval(VariantRuns v, Metric m, double level, int digits) {
        return SeedInterval.of(m.of(v.runs()), m.scale(), level).format(digits);
    }

    /** The tested step(s) of the variant's runs and the steps trained, e.g. {@code 60 of 60} or {@code 40-60 of 60}. */
    static String testedSteps(VariantRuns v) {
        TreeSet<Long> tested = new TreeSet<>();
        TreeSet<Long> last = new TreeSet<>();
        for (RunRecord r : v.runs()) {
            tested.add(r.tested() == null ? r.summary().steps() : r.tested().step());
            last.add(r.summary().steps());
        }
        String t = tested.size() == 1 ? tested.first().toString() : tested.first() + "-" + tested.last();
        String l = last.size() == 1 ? last.first().toString() : last.first() + "-" + last.last();
        return t + " of " + l;
    }

    /** The variant's flags: ceiling, chance and zero of its mean; not converged with the count of runs. */
    static String flags(VariantRuns v, ReportSettings s) {
        List<String> f = new ArrayList<>();
        double acc = SeedInterval.of(Metric.TOKEN_ACCURACY.of(v.runs()), Metric.TOKEN_ACCURACY.scale(), 0.95).mean();
        if (Flag.atCeiling(acc)) {
            f.add(Flag.CEILING.label());
        }
        if (Flag.atChance(acc, v.chance())) {
            f.add(Flag.CHANCE.label());
        }
        long open = v.runs().stream().filter(r -> Flag.notConverged(r.curve(), s.convergence())).count();
        if (open > 0) {
            f.add(Flag.NOT_CONVERGED.label() + " (" + open + " of " + v.runs().size() + ")");
        }
        if (v.measuresBleu() && Flag.zero(SeedInterval.of(Metric.BLEU.of(v.runs()), Metric.BLEU.scale(), 0.95).mean())) {
            f.add(Flag.ZERO.label());
        }
        return f.isEmpty() ? "-" : String.join(", ", f);
    }
}
