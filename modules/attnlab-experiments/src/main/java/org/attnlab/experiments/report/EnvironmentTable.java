package org.attnlab.experiments.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.attnlab.experiments.stats.Scale;
import org.attnlab.experiments.stats.SeedInterval;

/**
 * Where and how fast the runs trained: throughput per variant and the machine's load average at the start and end of
 * the runs. Throughput depends on the load, so it is reported here, not as a property of the variants.
 */
final class EnvironmentTable {
    private EnvironmentTable() {
    }

    static Table of(List<VariantRuns> variants, List<RunRecord> records) {
        boolean images = !variants.isEmpty() && variants.stream().allMatch(VariantRuns::images);
        List<List<String>> rows = new ArrayList<>();
        for (VariantRuns v : variants) {
            double[] speed = v.runs().stream().mapToDouble(r -> r.summary().tokensPerSecond()).toArray();
            double[] epoch = v.runs().stream().mapToDouble(r -> r.summary().secondsPerEpoch()).toArray();
            rows.add(List.of(v.variant(), Integer.toString(v.runs().size()),
                    SeedInterval.of(speed, Scale.REAL, 0.95).formatShort(0),
                    SeedInterval.of(epoch, Scale.REAL, 0.95).formatShort(2),
                    range(v.runs(), "loadavg_start"), range(v.runs(), "loadavg_end")));
        }
        List<String> notes = new ArrayList<>();
        notes.add("Throughput varies with the machine's load (other processes), so it is not a property of a variant "
                + "and is not compared. Load average: the 1-minute value of /proc/loadavg when each run started and "
                + "ended (lowest-highest over the variant's runs).");
        notes.add("Machine: " + distinct(records, r -> r.path("cpu").asText("")) + "; "
                + distinct(records, r -> r.path("runtime").path("cores").asText("")) + " cores; "
                + distinct(records, r -> r.path("os").asText("")) + "; "
                + distinct(records, r -> r.path("runtime").path("backend").asText("") + " backend, Java "
                        + r.path("runtime").path("java").asText(""))
                + ". Git commit: " + distinct(records, r -> r.path("git_commit").asText("")) + dirty(records)
                + ". OpenMP threads: "
                + distinct(records, r -> r.path("runtime").path("omp_threads").asText("")) + ".");
        return new Table("Environment", List.of("variant", "runs", images ? "images/s" : "tokens/s", "s/epoch",
                "load at start", "load at end"), rows, notes);
    }

    /** A remark when some runs were trained from a working tree with uncommitted changes. */
    private static String dirty(List<RunRecord> records) {
        long n = records.stream().filter(r -> r.environment().path("git_dirty").asBoolean(false)).count();
        return n == 0 ? "" : " (" + n + " of " + records.size() + " runs with uncommitted changes)";
    }

    private static String range(List<RunRecord> runs, String key) {
        double[] v = runs.stream().map(r -> r.environment().path(key).asText(""))
                .filter(s -> !s.isBlank()).mapToDouble(s -> Double.parseDouble(s.split(" ")[0])).toArray();
        if (v.length == 0) {
            return "n/a";
        }
        double lo = java.util.Arrays.stream(v).min().orElseThrow();
        double hi = java.util.Arrays.stream(v).max().orElseThrow();
        return lo == hi ? String.valueOf(lo) : lo + "-" + hi;
    }

    private static String distinct(List<RunRecord> records, Function<JsonNode, String> field) {
        Set<String> values = new LinkedHashSet<>();
        records.forEach(r -> values.add(field.apply(r.environment())));
        values.remove("");
        return values.isEmpty() ? "not recorded" : String.join(", ", values);
    }
}
