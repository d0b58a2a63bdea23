package org.attnlab.experiments.report;

import org.attnlab.experiments.store.RecordFiles;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.attnlab.experiments.run.InitGradients;
import org.attnlab.experiments.stats.Scale;
import org.attnlab.experiments.stats.SeedInterval;
import org.attnlab.experiments.store.RunSummary;

/**
 * Gradient norm of each layer at initialisation (one row per layer, one column per variant: mean ± std over its
 * seeds), from the {@value InitGradients#FILE} files of every run that recorded one, failed runs included. Rows are
 * in the natural order of the layer names (numbers compared as numbers: {@code enc/2} before {@code enc/10}).
 */
final class InitGradientTable {
    private InitGradientTable() {
    }

    /** The table of {@code runs} (folders under {@code runsDir}), or empty when none recorded gradient norms. */
    static Optional<Table> of(List<RunSummary> runs, Path runsDir) {
        Map<String, Map<String, List<Double>>> byVariant = new LinkedHashMap<>();
        Map<String, Boolean> layers = new TreeMap<>(InitGradientTable::natural);
        for (RunSummary r : runs) {
            Map<String, Double> norms = read(runsDir.resolve(r.runId()).resolve(InitGradients.FILE));
            norms.forEach((layer, norm) -> {
                layers.put(layer, true);
                byVariant.computeIfAbsent(r.variant(), k -> new LinkedHashMap<>())
                        .computeIfAbsent(layer, k -> new ArrayList<>()).add(norm);
            });
        }
        if (byVariant.isEmpty()) {
            return Optional.empty();
        }
        List<String> headers = new ArrayList<>(List.of("layer"));
        headers.addAll(byVariant.keySet());
        List<List<String>> rows = new ArrayList<>();
        for (String layer : layers.keySet()) {
            List<String> row = new ArrayList<>(List.of(layer));
            byVariant.values().forEach(v -> row.add(format(v.getOrDefault(layer, List.of()))));
            rows.add(row);
        }
        return Optional.of(new Table("Gradient norm per layer at initialisation", headers, rows, List.of(
                "L2 norm of the loss gradient over all parameters of a layer, on the run's first training batch "
                        + "before any step (Xiong et al. 2020, Fig. 3): mean ± std over the variant's seeds. "
                        + "enc/<i>, dec/<i>: encoder and decoder layers from the input side; enc/norm, dec/norm: the "
                        + "final norms of pre-LN stacks; out: output projection; embeddings: token and position "
                        + "tables. Variants that differ only in training settings start from the same weights.")));
    }

    /** Compares names part by part ({@code /}-separated), numeric parts as numbers and before words. */
    static int natural(String a, String b) {
        String[] x = a.split("/");
        String[] y = b.split("/");
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            boolean xn = x[i].matches("\\d+");
            boolean yn = y[i].matches("\\d+");
            int c = xn && yn ? Long.compare(Long.parseLong(x[i]), Long.parseLong(y[i]))
                    : xn != yn ? (xn ? -1 : 1) : x[i].compareTo(y[i]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(x.length, y.length);
    }

    private static String format(List<Double> xs) {
        SeedInterval s = SeedInterval.of(xs.stream().mapToDouble(Double::doubleValue).toArray(), Scale.REAL, 0.95);
        if (s.n() == 0) {
            return "n/a";
        }
        return s.n() < 2 ? String.format(Locale.ROOT, "%.3g", s.mean())
                : String.format(Locale.ROOT, "%.3g ± %.2g", s.mean(), s.std());
    }

    private static Map<String, Double> read(Path file) {
        return RecordFiles.readOr(file, Map.of(),
                f -> new ObjectMapper().readValue(f, new TypeReference<LinkedHashMap<String, Double>>() { }));
    }
}
