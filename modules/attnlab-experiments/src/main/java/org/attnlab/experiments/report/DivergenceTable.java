package org.attnlab.experiments.report;

import org.attnlab.experiments.store.RecordFiles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.math3.stat.interval.ConfidenceInterval;
import org.apache.commons.math3.stat.interval.WilsonScoreInterval;
import org.attnlab.experiments.run.DivergenceRule;
import org.attnlab.experiments.store.RunSummary;

/**
 * Divergence rate per variant: the share of its seeds whose loss diverged (see
 * {@link org.attnlab.experiments.run.DivergenceRule}), with a Wilson score interval, and the steps at which they did.
 * Shown when any run diverged, or checked with a stricter {@code training.divergence_factor} than the default
 * ({@value #DEFAULT_FACTOR}, the training defaults' value): a study of divergence.
 */
final class DivergenceTable {
    /** {@code training.divergence_factor} when a file leaves it out. */
    static final double DEFAULT_FACTOR = 10;

    private DivergenceTable() {
    }

    /** The table of {@code runs} (folders under {@code runsDir}) at confidence {@code level}, or empty. */
    static Optional<Table> of(List<RunSummary> runs, Path runsDir, double level) {
        Map<String, List<RunSummary>> byVariant = new LinkedHashMap<>();
        runs.forEach(r -> byVariant.computeIfAbsent(r.variant(), k -> new ArrayList<>()).add(r));
        double factor = runs.stream().mapToDouble(r -> divergenceFactor(runsDir.resolve(r.runId()))).max().orElse(0);
        boolean strict = factor > 0 && factor < DEFAULT_FACTOR;
        if (!strict && runs.stream().noneMatch(DivergenceTable::diverged)) {
            return Optional.empty();
        }
        List<List<String>> rows = new ArrayList<>();
        byVariant.forEach((variant, rs) -> {
            List<RunSummary> ended = rs.stream().filter(r -> !RunSummary.RUNNING.equals(r.status())).toList();
            List<RunSummary> diverged = ended.stream().filter(DivergenceTable::diverged).toList();
            rows.add(List.of(variant, Integer.toString(ended.size()), Integer.toString(diverged.size()),
                    rate(diverged.size(), ended.size(), level),
                    diverged.isEmpty() ? "-" : String.join(", ", diverged.stream()
                            .map(r -> Long.toString(r.steps())).toList())));
        });
        return Optional.of(new Table("Divergence over seeds", List.of("variant", "runs", "diverged",
                String.format(Locale.ROOT, "rate [%.0f%% Wilson interval]", 100 * level), "at steps"), rows, List.of(
                String.format(Locale.ROOT, "A run diverged when, at a validation, its loss on the last training "
                        + "batch or on the validation split was not finite or above %s x ln(classes), the loss of a "
                        + "uniform prediction (training.divergence_factor); it then stops and has no test score. "
                        + "'at steps': the validation that found it.", factor > 0 ? trim(factor) : "(unchecked)"))));
    }

    private static boolean diverged(RunSummary r) {
        return RunSummary.FAILED.equals(r.status()) && DivergenceRule.isDivergence(r.reason());
    }

    private static String rate(int k, int n, double level) {
        if (n == 0) {
            return "n/a";
        }
        ConfidenceInterval ci = new WilsonScoreInterval().createInterval(n, k, level);
        return String.format(Locale.ROOT, "%.2f [%.2f, %.2f]", (double) k / n, Math.max(0, ci.getLowerBound()),
                Math.min(1, ci.getUpperBound()));
    }

    private static String trim(double x) {
        return x == Math.rint(x) ? Long.toString((long) x) : Double.toString(x);
    }

    /** {@code training.divergence_factor} of the run's resolved config, 0 when unknown. */
    private static double divergenceFactor(Path runDir) {
        JsonNode tree = RecordFiles.readOr(runDir.resolve("config.yaml"), null, f -> new YAMLMapper().readTree(f));
        return tree == null ? 0 : tree.path("training").path("divergence_factor").asDouble(0);
    }
}
