package org.attnlab.experiments.report;

import org.attnlab.experiments.store.RecordFiles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the variants were trained with where they differ: every {@code dataset}, {@code model} and {@code training}
 * key of the resolved run configs whose value is not the same for all variants (e.g. a learning rate tuned per
 * variant), so a reader sees each variant's settings beside its results.
 */
final class SettingsTable {
    private static final List<String> SECTIONS = List.of("dataset", "model", "training");

    private SettingsTable() {
    }

    /** The table of {@code variants}' settings, read from the first run's {@code config.yaml} under {@code runsDir}. */
    static Optional<Table> of(List<VariantRuns> variants, Path runsDir) {
        Map<String, JsonNode> configs = new LinkedHashMap<>();
        for (VariantRuns v : variants) {
            Path file = runsDir.resolve(v.runs().get(0).summary().runId()).resolve("config.yaml");
            if (Files.exists(file)) {
                configs.put(v.variant(), read(file));
            }
        }
        return of(configs);
    }

    /**
     * The table of {@code configs} (variant name to its resolved run config): one row per variant, a column per
     * {@code section.key} whose value differs between variants; empty when fewer than two variants or none differs.
     */
    static Optional<Table> of(Map<String, JsonNode> configs) {
        Map<String, Map<String, String>> flat = new LinkedHashMap<>();
        configs.forEach((variant, config) -> flat.put(variant, flatten(config)));
        Set<String> keys = new LinkedHashSet<>();
        flat.values().forEach(m -> keys.addAll(m.keySet()));
        List<String> differing = keys.stream()
                .filter(k -> flat.values().stream().map(m -> m.getOrDefault(k, "-")).distinct().count() > 1).toList();
        if (differing.isEmpty()) {
            return Optional.empty();
        }
        List<String> header = new ArrayList<>(List.of("variant"));
        header.addAll(differing);
        List<List<String>> rows = new ArrayList<>();
        flat.forEach((variant, m) -> {
            List<String> row = new ArrayList<>(List.of(variant));
            differing.forEach(k -> row.add(m.getOrDefault(k, "-")));
            rows.add(row);
        });
        return Optional.of(new Table("Variant settings", header, rows, List.of("The settings in which the variants "
                + "differ, as resolved in each run's config.yaml (every other setting is the same for all variants).")));
    }

    private static Map<String, String> flatten(JsonNode config) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String section : SECTIONS) {
            config.path(section).fields().forEachRemaining(e -> {
                if (e.getValue().isValueNode()) {
                    out.put(section + "." + e.getKey(), e.getValue().asText());
                }
            });
        }
        return out;
    }

    private static JsonNode read(Path file) {
        return RecordFiles.readOr(file, null, f -> new YAMLMapper().readTree(f));
    }
}
