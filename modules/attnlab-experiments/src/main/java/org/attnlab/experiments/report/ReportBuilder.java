package org.attnlab.experiments.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.attnlab.experiments.config.ReportSettings;
import org.attnlab.experiments.store.AtomicFiles;
import org.attnlab.experiments.store.MetricRow;
import org.attnlab.experiments.store.ResultsStore;
import org.attnlab.experiments.store.RunSummary;

/**
 * Builds an experiment's report from the results database and the run folders: final quality and learning speed per
 * variant, paired comparisons with Holm-adjusted p-values and detectable effects, computed flags, the environment,
 * figures, and the methods behind every number; the per-seed numbers and validation curves go to
 * {@code per-seed.csv} and {@code validation-curves.csv} beside the figures.
 */
public final class ReportBuilder {
    private final ResultsStore store;

    public ReportBuilder(ResultsStore store) {
        this.store = store;
    }

    /** The report of {@code experiment} whose runs are under {@code runsDir}; PNGs are written into {@code figureDir}. */
    public Report build(String experiment, Path runsDir, Path figureDir) {
        List<RunSummary> runs = store.runs(experiment);
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("no runs recorded for experiment '" + experiment + "'");
        }
        ExperimentRecord record = ExperimentRecord.read(runsDir, experiment);
        ReportSettings settings = record.settings();
        List<RunRecord> records = runs.stream().filter(r -> RunSummary.COMPLETED.equals(r.status()))
                .map(r -> RunRecord.load(store, runsDir, r)).toList();
        List<VariantRuns> variants = VariantRuns.of(records);
        List<Table> tables = new ArrayList<>();
        SettingsTable.of(variants, runsDir).ifPresent(tables::add);
        tables.add(QualityTable.of(variants, settings));
        tables.add(SpeedTable.of(variants, settings));
        ConstantUnits.of(runsDir, variants).ifPresent(tables::add);
        tables.addAll(TranslationTable.of(variants, settings));
        List<Comparison> comparisons = record.quick() ? List.of()
                : Comparison.all(variants, metrics(variants), settings);
        if (!comparisons.isEmpty()) {
            tables.add(ComparisonTable.of(comparisons, settings));
        }
        DivergenceTable.of(runs, runsDir, 1 - settings.alpha()).ifPresent(tables::add);
        InitGradientTable.of(runs, runsDir).ifPresent(tables::add);
        tables.add(EnvironmentTable.of(variants, records));
        List<RunSummary> failed = runs.stream().filter(r -> RunSummary.FAILED.equals(r.status())).toList();
        if (!failed.isEmpty()) {
            tables.add(new Table("Failed runs", List.of("run", "reason"),
                    failed.stream().map(r -> List.of(r.runId(), r.reason())).toList()));
        }
        AtomicFiles.writeString(figureDir.resolve(SeedCsv.FILE), SeedCsv.of(variants, settings.threshold()));
        AtomicFiles.writeString(figureDir.resolve(CurveCsv.FILE), CurveCsv.of(variants));
        List<Report.Figure> figures = new ArrayList<>(curveFigures(variants, settings, figureDir));
        figures.addAll(forestPlots(comparisons, figureDir));
        figures.addAll(AttentionFigures.all(runsDir, figureDir, variants));
        return new Report(experiment, title(experiment, record), notes(experiment, record, runs, records),
                tables, figures, Methods.paragraphs(settings));
    }

    /**
     * The per-variant quality table of {@code runs} alone (for the console after a run), each run's metrics those of
     * the model kind its variant names in {@code kinds} (variant to model kind name).
     */
    public static Table summary(List<RunSummary> runs, Map<String, String> kinds) {
        List<RunRecord> records = runs.stream().map(r -> new RunRecord(r, List.of(), null, null,
                com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode(),
                RunRecord.data(kinds.getOrDefault(r.variant(), "")), List.of())).toList();
        return QualityTable.of(VariantRuns.of(records), ReportSettings.DEFAULTS);
    }

    /**
     * Metrics compared: the quality metric of the task (BLEU where measured, the alignment error rate where every run
     * scored its alignment) and the learning-speed area.
     */
    private static List<Metric> metrics(List<VariantRuns> variants) {
        List<Metric> out = new ArrayList<>();
        boolean classifies = !variants.isEmpty() && variants.stream().allMatch(VariantRuns::images);
        out.add(classifies ? Metric.ACCURACY : Metric.TOKEN_ACCURACY);
        if (variants.stream().anyMatch(VariantRuns::measuresBleu)) {
            out.add(Metric.BLEU);
        }
        if (!variants.isEmpty() && variants.stream().allMatch(VariantRuns::scoresAlignment)) {
            out.add(Metric.ALIGNMENT_ERROR);
        }
        out.add(Metric.LEARNING_AREA);
        return out;
    }

    private static String title(String experiment, ExperimentRecord record) {
        return record.quick() ? "Experiment " + experiment + ": smoke test (--quick), no conclusions"
                : "Experiment " + experiment;
    }

    private static List<String> notes(String experiment, ExperimentRecord record, List<RunSummary> runs,
                                      List<RunRecord> completed) {
        List<String> notes = new ArrayList<>();
        if (record.quick()) {
            notes.add("**Smoke test.** These runs were shortened by --quick (a fifth of the steps) to check that the "
                    + "experiment runs end to end. Their numbers are not results: no comparison is tested and none "
                    + "should be drawn from them.");
        }
        String source = record.source().isEmpty() ? "<experiment file>" : record.source();
        notes.add("Made by `./attnlab run " + source + (record.quick() ? " --quick" : "") + "` then `./attnlab report "
                + experiment + "`. " + runs.size() + " runs, " + completed.size() + " completed. Git commit and "
                + "machine: see Environment. Per-seed numbers: " + SeedCsv.FILE + "; validation curves: " + CurveCsv.FILE
                + ".");
        notes.add("Final quality is measured on the test split with the weights of the step in column 'tested at "
                + "step' (the validation with the lowest loss). Learning speed is read from the validation curve. "
                + "Intervals are " + Math.round(100 * (1 - record.settings().alpha())) + "% confidence intervals "
                + "over seeds (see Methods).");
        return notes;
    }

    private static List<Report.Figure> curveFigures(List<VariantRuns> variants, ReportSettings s, Path dir) {
        Map<String, List<List<MetricRow>>> curves = new LinkedHashMap<>();
        Map<String, Double> reached = new LinkedHashMap<>();
        for (VariantRuns v : variants) {
            curves.put(v.variant(), v.runs().stream().map(RunRecord::curve).toList());
            reached.put(v.variant(), SpeedTable.meanStepsIfAllReached(v, s.threshold()));
        }
        if (curves.values().stream().allMatch(c -> c.stream().allMatch(List::isEmpty))) {
            return List.of();
        }
        CurveFigure.write(dir.resolve("validation-loss.png"), "Validation loss", "validation loss", curves,
                MetricRow::valLoss, Double.NaN, Map.of());
        CurveFigure.write(dir.resolve("validation-accuracy.png"), "Validation token accuracy",
                "validation token accuracy", curves, MetricRow::valTokenAcc, s.threshold(), reached);
        return List.of(
                new Report.Figure("Validation loss against step: mean over seeds (line) and range over seeds "
                        + "(band), every variant", "validation-loss.png"),
                new Report.Figure("Validation token accuracy against step: mean over seeds (line), range over seeds "
                        + "(band), threshold " + s.threshold() + " (grey dotted) and, dashed in the variant's colour, "
                        + "the mean step at which its seeds reached it (only when all did)",
                        "validation-accuracy.png"));
    }

    private static List<Report.Figure> forestPlots(List<Comparison> comparisons, Path dir) {
        Map<Metric, List<Comparison>> byMetric = new LinkedHashMap<>();
        comparisons.forEach(c -> byMetric.computeIfAbsent(c.metric(), k -> new ArrayList<>()).add(c));
        List<Report.Figure> out = new ArrayList<>();
        byMetric.forEach((m, rows) -> {
            String file = "differences-" + m.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + ".png";
            ForestPlot.write(dir.resolve(file), "Paired differences: " + m.label(), "difference (first − second)",
                    rows);
            out.add(new Report.Figure("Differences in " + m.label() + " (first variant minus second) with their "
                    + "confidence intervals; an interval that crosses the grey line at 0 does not separate the pair",
                    file));
        });
        return out;
    }
}
