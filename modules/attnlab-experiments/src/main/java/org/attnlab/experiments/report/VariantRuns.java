package org.attnlab.experiments.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.attnlab.experiments.store.RunSummary;

/**
 * The completed runs of one variant, one per seed (of several runs with the same variant and seed, from an edited
 * config, the latest).
 *
 * @param variant variant name
 * @param runs    its runs, by seed
 */
record VariantRuns(String variant, List<RunRecord> runs) {

    /** Groups completed {@code records} by variant, in order of first appearance. */
    static List<VariantRuns> of(List<RunRecord> records) {
        Map<String, Map<Long, RunRecord>> latest = new LinkedHashMap<>();
        for (RunRecord r : records) {
            if (RunSummary.COMPLETED.equals(r.summary().status())) {
                latest.computeIfAbsent(r.summary().variant(), k -> new LinkedHashMap<>()).put(r.summary().seed(), r);
            }
        }
        List<VariantRuns> out = new ArrayList<>();
        latest.forEach((v, bySeed) -> out.add(new VariantRuns(v, bySeed.values().stream()
                .sorted(java.util.Comparator.comparingLong(r -> r.summary().seed())).toList())));
        return out;
    }

    Set<Long> seeds() {
        Set<Long> s = new TreeSet<>();
        runs.forEach(r -> s.add(r.summary().seed()));
        return s;
    }

    /** Its runs of {@code seeds}, by seed. */
    List<RunRecord> runs(Set<Long> seeds) {
        return runs.stream().filter(r -> seeds.contains(r.summary().seed())).toList();
    }

    /** The dataset section the variant ran on (of its first run). */
    JsonNode dataset() {
        return runs.get(0).dataset();
    }

    /** A short name of the task: the synthetic task with its sizes, or the dataset kind. */
    String task() {
        JsonNode d = dataset();
        if (d == null) {
            return "unknown task";
        }
        return d.has("task") && !d.get("task").isNull() ? d.get("task").asText() + " (length " + lengths(d)
                + ", vocabulary " + d.path("vocab").asText() + ")"
                : d.path("kind").asText("synthetic");
    }

    /** {@code seq_len}, or the training and test length ranges when the dataset varies them. */
    private static String lengths(JsonNode d) {
        String train = d.path("min_seq_len").asText(d.path("seq_len").asText()) + "-" + d.path("seq_len").asText();
        JsonNode test = d.path("test_lengths");
        String tested = test.size() == 2 ? test.get(0).asText() + "-" + test.get(1).asText() : train;
        if (train.equals(tested)) {
            return train.equals(d.path("seq_len").asText() + "-" + d.path("seq_len").asText())
                    ? d.path("seq_len").asText() : train;
        }
        return train + ", test " + tested;
    }

    double chance() {
        return runs.get(0).chance();
    }

    boolean measuresBleu() {
        return runs.stream().anyMatch(r -> Double.isFinite(r.summary().testBleu()));
    }

    /** True when every run scored its attention against the data's known alignment (an AER per run). */
    boolean scoresAlignment() {
        return runs.stream().noneMatch(r -> r.alignment().isEmpty());
    }

    /** True when the variant's model kind classifies images (it has no sequence accuracy). */
    boolean images() {
        return runs.stream().allMatch(r -> r.data().images());
    }
}
