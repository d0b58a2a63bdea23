package org.attnlab.sweeps.report;

import org.attnlab.sweeps.config.SweepConfig;
import org.attnlab.sweeps.store.TrialRecord;
import org.attnlab.sweeps.store.TrialState;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The Markdown table of a sweep's best completed trials, with a count of trials by state. */
final class BestTrialsTable {

    private BestTrialsTable() {
    }

    static String markdown(SweepConfig config, List<TrialRecord> ranked, List<TrialRecord> all, int top) {
        List<String> keys = config.parameters().stream().map(p -> p.key()).toList();
        Map<TrialState, Long> counts = all.stream()
                .collect(Collectors.groupingBy(TrialRecord::state, TreeMap::new, Collectors.counting()));
        StringBuilder md = new StringBuilder();
        md.append("# Sweep ").append(config.name()).append("\n\n")
                .append("Objective: ").append(config.objective().direction().name().toLowerCase())
                .append(" `").append(config.objective().metric()).append("`; ")
                .append(all.size()).append(" trials (")
                .append(counts.entrySet().stream().map(e -> e.getValue() + " " + e.getKey().dbName())
                        .collect(Collectors.joining(", ")))
                .append(").\n\n");
        md.append("| rank | trial | ").append(config.objective().metric()).append(" | ")
                .append(keys.stream().map(k -> "`" + k + "`").collect(Collectors.joining(" | "))).append(" |\n");
        md.append("|").append(" ---: |".repeat(3)).append(" --- |".repeat(keys.size())).append("\n");
        for (int i = 0; i < Math.min(top, ranked.size()); i++) {
            TrialRecord t = ranked.get(i);
            md.append("| ").append(i + 1).append(" | ").append(t.index()).append(" | ").append(format(t.score()));
            keys.forEach(k -> md.append(" | ").append(format(t.params().get(k))));
            md.append(" |\n");
        }
        return md.toString();
    }

    private static String format(Object value) {
        if (value instanceof Double d) {
            return String.format("%.4g", d);
        }
        return value instanceof double[] a ? Arrays.toString(a) : String.valueOf(value);
    }
}
