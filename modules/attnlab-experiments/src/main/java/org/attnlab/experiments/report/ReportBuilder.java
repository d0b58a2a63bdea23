package org.attnlab.experiments.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.attnlab.experiments.store.MetricRow;
import org.attnlab.experiments.store.ResultsStore;
import org.attnlab.experiments.store.RunSummary;

/** Builds an experiment's report from the results database: statistics over seeds, Welch tests, learning curves. */
public final class ReportBuilder {
    private final ResultsStore store;

    public ReportBuilder(ResultsStore store) {
        this.store = store;
    }

    /** The report of {@code experiment}; learning-curve PNGs are written into {@code figureDir}. */
    public Report build(String experiment, Path figureDir) {
        List<RunSummary> runs = store.runs(experiment);
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("no runs recorded for experiment '" + experiment + "'");
        }
        Map<String, List<RunSummary>> completed = byVariant(runs);
        List<Table> tables = new ArrayList<>();
        tables.add(summaryTable(completed));
        tables.add(welchTable(completed));
        List<RunSummary> failed = runs.stream().filter(r -> RunSummary.FAILED.equals(r.status())).toList();
        if (!failed.isEmpty()) {
            tables.add(new Table("Failed runs", List.of("run", "reason"),
                    failed.stream().map(r -> List.of(r.runId(), r.reason())).toList()));
        }
        List<Report.Figure> figures = new ArrayList<>();
        completed.forEach((variant, list) -> {
            String file = "curves-" + variant + ".png";
            Map<Long, List<MetricRow>> curves = new LinkedHashMap<>();
            list.forEach(r -> curves.put(r.seed(), store.metrics(r.runId())));
            LearningCurves.write(figureDir.resolve(file), variant, curves);
            figures.add(new Report.Figure("validation loss, " + variant, file));
        });
        figures.addAll(AttentionFigures.all(figureDir.getParent(), figureDir, completed));
        List<String> notes = List.of(runs.size() + " runs, " + completed.values().stream().mapToInt(List::size).sum()
                + " completed. Metrics are of the final model on the test split; mean ± sample std [95% t interval] over seeds.");
        return new Report(experiment, notes, tables, figures);
    }

    /** The per-variant summary table of {@code runs} alone (for the console after a run). */
    public static Table summary(List<RunSummary> runs) {
        return summaryTable(byVariant(runs));
    }

    /** Completed runs per variant; of several runs with the same variant and seed (an edited config), the latest. */
    private static Map<String, List<RunSummary>> byVariant(List<RunSummary> runs) {
        Map<String, Map<Long, RunSummary>> latest = new LinkedHashMap<>();
        for (RunSummary r : runs) {
            if (RunSummary.COMPLETED.equals(r.status())) {
                latest.computeIfAbsent(r.variant(), k -> new LinkedHashMap<>()).put(r.seed(), r);
            }
        }
        Map<String, List<RunSummary>> out = new LinkedHashMap<>();
        latest.forEach((variant, bySeed) -> out.put(variant, List.copyOf(bySeed.values())));
        return out;
    }

    /** True when no run measured sequence accuracy: image classification, whose token accuracy is the accuracy. */
    private static boolean classification(Map<String, List<RunSummary>> byVariant) {
        return byVariant.values().stream().flatMap(List::stream).allMatch(r -> Double.isNaN(r.testSeqAcc()));
    }

    private static Table summaryTable(Map<String, List<RunSummary>> byVariant) {
        boolean bleu = byVariant.values().stream().flatMap(List::stream).anyMatch(r -> !Double.isNaN(r.testBleu()));
        boolean classes = !byVariant.isEmpty() && classification(byVariant);
        List<List<String>> rows = new ArrayList<>();
        byVariant.forEach((variant, runs) -> {
            List<String> row = new ArrayList<>(List.of(variant, Integer.toString(runs.size()),
                    stats(runs, RunSummary::testTokenAcc).format(3)));
            if (!classes) {
                row.add(stats(runs, RunSummary::testSeqAcc).format(3));
            }
            row.addAll(List.of(stats(runs, RunSummary::testLoss).format(4),
                    stats(runs, RunSummary::tokensPerSecond).formatShort(0),
                    stats(runs, RunSummary::secondsPerEpoch).formatShort(2), Long.toString(runs.get(0).parameters())));
            if (bleu) {
                row.add(Double.isNaN(runs.get(0).testBleu()) ? "-" : stats(runs, r -> 100 * r.testBleu()).format(2));
            }
            rows.add(row);
        });
        List<String> header = new ArrayList<>(classes
                ? List.of("variant", "seeds", "accuracy", "loss", "images/s", "s/epoch", "parameters")
                : List.of("variant", "seeds", "token accuracy", "sequence accuracy", "loss", "tokens/s", "s/epoch",
                        "parameters"));
        if (bleu) {
            header.add("BLEU-4 (%)");
        }
        return new Table("Test metrics per variant", header, rows);
    }

    private static Table welchTable(Map<String, List<RunSummary>> byVariant) {
        List<String> names = new ArrayList<>(byVariant.keySet());
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            for (int j = i + 1; j < names.size(); j++) {
                double[] a = values(byVariant.get(names.get(i)), RunSummary::testTokenAcc);
                double[] b = values(byVariant.get(names.get(j)), RunSummary::testTokenAcc);
                WelchTest w = WelchTest.of(a, b);
                rows.add(List.of(names.get(i), names.get(j),
                        String.format(Locale.ROOT, "%+.4f", SeedStats.of(a).mean() - SeedStats.of(b).mean()),
                        String.format(Locale.ROOT, "%.3f", w.t()), String.format(Locale.ROOT, "%.4f", w.p())));
            }
        }
        String metric = !byVariant.isEmpty() && classification(byVariant) ? "test accuracy" : "test token accuracy";
        return new Table("Welch's t-test on " + metric, List.of("variant A", "variant B", "mean A - B",
                "t", "p (two-sided)"), rows);
    }

    private static SeedStats stats(List<RunSummary> runs, ToDoubleFunction<RunSummary> metric) {
        return SeedStats.of(values(runs, metric));
    }

    private static double[] values(List<RunSummary> runs, ToDoubleFunction<RunSummary> metric) {
        return runs.stream().mapToDouble(metric).toArray();
    }
}
