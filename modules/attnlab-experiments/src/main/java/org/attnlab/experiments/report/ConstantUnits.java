package org.attnlab.experiments.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.attnlab.experiments.run.UnitSpread;

/**
 * Units that ignore their input: per variant and per {@code [B, C]} output its runs measured on the test set
 * ({@link UnitSpread}, e.g. each block's SE excitation), how many units have a standard deviation across test examples
 * below {@value #TOLERANCE} in each seed. Such a unit (e.g. an SE excitation behind a bottleneck whose ReLU units
 * are all dead) is a fixed scale, not an input-dependent gate.
 */
final class ConstantUnits {
    /** A unit whose standard deviation across test examples is below this counts as constant. */
    static final double TOLERANCE = 1e-3;

    private ConstantUnits() {
    }

    /** The table of {@code variants}' runs under {@code runsDir}; empty when no run measured a spread. */
    static Optional<Table> of(Path runsDir, List<VariantRuns> variants) {
        List<List<String>> rows = new ArrayList<>();
        for (VariantRuns v : variants) {
            Map<String, List<UnitSpread.Output>> byOutput = new LinkedHashMap<>();
            v.runs().forEach(r -> UnitSpread.read(runsDir.resolve(r.summary().runId()))
                    .forEach(o -> byOutput.computeIfAbsent(o.title(), k -> new ArrayList<>()).add(o)));
            byOutput.forEach((title, outputs) -> rows.add(row(v.variant(), title, outputs)));
        }
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Table("Constant units across test examples", List.of("variant", "output", "units",
                "constant units per seed", "smallest std", "median std"), rows,
                List.of(String.format(Locale.ROOT, "A unit is constant when its standard deviation across all test "
                        + "examples (tested weights) is below %.0e: it then scales its channel by the same factor "
                        + "for every input. Counts per seed in seed order; std columns over all units and seeds.",
                        TOLERANCE))));
    }

    /** Units of {@code output} whose spread is below {@value #TOLERANCE}. */
    static long constant(UnitSpread.Output output) {
        return Arrays.stream(output.std()).filter(s -> s < TOLERANCE).count();
    }

    private static List<String> row(String variant, String title, List<UnitSpread.Output> outputs) {
        double[] stds = outputs.stream().flatMapToDouble(o -> Arrays.stream(o.std())).sorted().toArray();
        String perSeed = outputs.stream().map(o -> Long.toString(constant(o))).collect(Collectors.joining(" / "));
        return List.of(variant, title, Integer.toString(outputs.get(0).std().length), perSeed,
                String.format(Locale.ROOT, "%.2g", stds[0]),
                String.format(Locale.ROOT, "%.2g", stds[stds.length / 2]));
    }
}
