package org.attnlab.experiments.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.attnlab.config.LineIndex;
import org.attnlab.config.Trees;
import org.attnlab.config.Yaml;
import org.attnlab.config.YamlDocument;
import org.attnlab.config.YamlException;
import org.attnlab.datasets.io.BadInputFileException;
import org.attnlab.config.Excerpt;
import org.attnlab.datasets.io.InputFiles;
import org.attnlab.experiments.kinds.ModelKind;
import org.attnlab.experiments.kinds.ModelKinds;
import org.attnlab.experiments.kinds.ModelSpec;
import org.attnlab.models.support.ConfigChecks;

/** Reads and validates an experiment YAML file: defaults, then the base sections, then each variant's overrides. */
public final class ExperimentLoader {
    private static final PropertyNamingStrategies.NamingBase SNAKE_CASE =
            (PropertyNamingStrategies.NamingBase) PropertyNamingStrategies.SNAKE_CASE;
    private final ObjectMapper mapper = Yaml.mapper();
    private final ModelKinds models;
    private final ObjectNode defaults;

    public ExperimentLoader(ModelKinds models) {
        this.models = models;
        try (InputStream in = ExperimentLoader.class.getResourceAsStream("defaults.yaml")) {
            this.defaults = (ObjectNode) mapper.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Loads {@code file}; any problem is a {@link ConfigException}. */
    public ExperimentConfig load(Path file) {
        String text;
        try {
            text = InputFiles.readString(file, InputFiles.CONFIG_LIMIT);
        } catch (BadInputFileException e) {
            throw new ConfigException(file, "", -1, e.problem());
        }
        YamlDocument doc;
        try {
            doc = Yaml.parse(text);
        } catch (YamlException e) {
            throw new ConfigException(file, "", e.line(), "not valid YAML: " + e.reason());
        }
        if (doc.isEmpty()) {
            throw new ConfigException(file, "", -1, "empty file");
        }
        if (!doc.isMapping()) {
            throw new ConfigException(file, "", doc.lines().line(""), "not an experiment file: expected a mapping of "
                    + "sections (name, dataset, model, training, seeds, variants)");
        }
        return bind(file, doc.lines(), () -> mapper.treeToValue(doc.tree(), ExperimentFile.class));
    }

    /**
     * Loads an experiment given as a tree (a document built in memory, e.g. a sweep trial): the same checks as a file;
     * errors name {@code source} (a file name standing for the tree) and the key path, without line numbers.
     */
    public ExperimentConfig load(JsonNode tree, Path source) {
        return bind(source, LineIndex.EMPTY, () -> mapper.treeToValue(tree, ExperimentFile.class));
    }

    /** Reads the top level of a document; Jackson's exception names what did not bind. */
    @FunctionalInterface
    private interface Parse {
        ExperimentFile get() throws JsonProcessingException;
    }

    private ExperimentConfig bind(Path file, LineIndex lines, Parse parse) {
        BindingErrors errors = new BindingErrors(file, lines);
        ExperimentFile raw;
        try {
            raw = parse.get();
        } catch (JsonMappingException e) {
            throw errors.translate(e, "", null);
        } catch (JsonProcessingException e) {
            throw errors.at("", null, e.getOriginalMessage());
        }
        if (raw == null) {
            throw new ConfigException(file, "", -1, "empty file");
        }
        return new FileReader(file, raw, errors).read();
    }

    /** Reads one parsed file. */
    private final class FileReader {
        private final Path file;
        private final ExperimentFile raw;
        private final BindingErrors errors;

        FileReader(Path file, ExperimentFile raw, BindingErrors errors) {
            this.file = file;
            this.raw = raw;
            this.errors = errors;
        }

        ExperimentConfig read() {
            for (String section : ExperimentFile.SECTIONS) {
                if (raw.sections().get(section) == null) {
                    throw errors.at(section, null, "missing required section");
                }
            }
            String stem = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
            String name = checkName("name", raw.name() == null ? stem : raw.name());
            List<Long> seeds = seeds();
            Map<String, ExperimentFile.Overrides> variants = raw.variants() == null || raw.variants().isEmpty()
                    ? Map.of("base", new ExperimentFile.Overrides(null, null, null)) : raw.variants();
            List<VariantConfig> out = new ArrayList<>();
            for (Map.Entry<String, ExperimentFile.Overrides> v : variants.entrySet()) {
                out.add(variant(checkName("variants." + v.getKey(), v.getKey()),
                        v.getValue() == null ? new ExperimentFile.Overrides(null, null, null) : v.getValue(),
                        raw.variants() == null || raw.variants().isEmpty() ? null : v.getKey()));
            }
            return new ExperimentConfig(name, file, seeds, out, report(out));
        }

        /** The report section over {@link ReportSettings#DEFAULTS}; a reference variant must exist. */
        private ReportSettings report(List<VariantConfig> variants) {
            ObjectNode node = Trees.merge(mapper.valueToTree(ReportSettings.DEFAULTS), raw.report());
            ReportSettings settings = bind(node, ReportSettings.class, "report", null, Set.of());
            if (settings.hasReference() && variants.stream().noneMatch(v -> v.name().equals(settings.compare()))) {
                throw errors.at("report.compare", null, "'" + settings.compare() + "' is neither "
                        + ReportSettings.ALL_PAIRS + " nor a variant; variants: "
                        + String.join(", ", variants.stream().map(VariantConfig::name).toList()));
            }
            return settings;
        }

        private List<Long> seeds() {
            if (raw.seeds() == null || raw.seeds().isEmpty()) {
                throw errors.at("seeds", null, "give at least one seed, e.g. seeds: [1, 2, 3]");
            }
            if (new HashSet<>(raw.seeds()).size() != raw.seeds().size()) {
                throw errors.at("seeds", null, "seeds must be distinct, were " + raw.seeds());
            }
            return List.copyOf(raw.seeds());
        }

        private String checkName(String key, String name) {
            if (!Names.isSafe(name)) {
                throw errors.at(key, null, Names.RULE + ", was '" + Excerpt.of(name) + "'");
            }
            return name;
        }

        private VariantConfig variant(String name, ExperimentFile.Overrides overrides, String variantKey) {
            Map<String, ObjectNode> merged = new LinkedHashMap<>();
            for (String section : ExperimentFile.SECTIONS) {
                ObjectNode start = defaults.has(section) ? defaults.get(section).deepCopy() : mapper.createObjectNode();
                merged.put(section, Trees.merge(Trees.merge(start, raw.sections().get(section)),
                        overrides.sections().get(section)));
            }
            ModelSpec<?> model = model(merged, variantKey);
            ObjectNode resolved = mapper.createObjectNode();
            merged.forEach(resolved::set);
            DatasetConfig dataset = dataset(merged, variantKey);
            if (dataset.images() != model.kind().data().images()) {
                throw errors.at("model.kind", variantKey, "kind '" + model.kind().name() + "' "
                        + (dataset.images() ? "needs sequence data" : "classifies images") + ", but dataset.kind is "
                        + dataset.kind());
            }
            return new VariantConfig(name, dataset,
                    model, bind(merged.get("training"), TrainingSettings.class, "training", variantKey, Set.of()),
                    Trees.sorted(resolved));
        }

        /** The dataset section; a translation corpus gets its own defaults and needs no synthetic keys. */
        private DatasetConfig dataset(Map<String, ObjectNode> merged, String variantKey) {
            ObjectNode node = merged.get("dataset");
            String kind = node.path("kind").asText(DatasetConfig.SYNTHETIC);
            if (!DatasetConfig.KINDS.contains(kind)) {
                throw errors.at("dataset.kind", variantKey, "unknown value '" + kind + "'; valid: "
                        + String.join(", ", DatasetConfig.KINDS));
            }
            if (DatasetConfig.TRANSLATION.equals(kind)) {
                node = Trees.merge(defaults.get("translation").deepCopy(), node);
                merged.put("dataset", node);
            }
            return bind(node, DatasetConfig.class, "dataset", variantKey, DatasetConfig.optionalKeys(kind));
        }

        private ModelSpec<?> model(Map<String, ObjectNode> merged, String variantKey) {
            ObjectNode node = merged.get("model");
            JsonNode kind = node.remove("kind");
            if (kind == null || !kind.isTextual()) {
                throw errors.at("model.kind", variantKey, "missing model kind");
            }
            ModelKind<?> modelKind;
            try {
                modelKind = models.find(kind.asText());
            } catch (IllegalArgumentException e) {
                throw errors.at("model.kind", variantKey, e.getMessage());
            }
            ObjectNode settings = Trees.merge(mapper.valueToTree(modelKind.defaults()), node);
            ObjectNode withKind = mapper.createObjectNode().put("kind", modelKind.name());
            withKind.setAll(settings);
            merged.put("model", withKind);
            ModelSpec<?> spec = spec(modelKind, settings, variantKey);
            spellChoicesAsConfigNames(withKind, spec.settings());
            return spec;
        }

        /**
         * Writes each choice key of {@code node} (an enum of {@code bound}) in its config name, so that {@code Dot} and
         * {@code dot}, read alike, resolve and hash alike (the run id); a lower-case config changes in nothing.
         */
        private static void spellChoicesAsConfigNames(ObjectNode node, Record bound) {
            for (RecordComponent c : bound.getClass().getRecordComponents()) {
                String key = SNAKE_CASE.translate(c.getName());
                if (!c.getType().isEnum() || !node.path(key).isTextual()) {
                    continue;
                }
                try {
                    Object choice = c.getAccessor().invoke(bound);
                    if (choice != null) {
                        node.put(key, ConfigChecks.configName((Enum<?>) choice));
                    }
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("cannot read " + key + " of " + bound, e);
                }
            }
        }

        private <S extends Record> ModelSpec<S> spec(ModelKind<S> modelKind, ObjectNode settings, String variantKey) {
            return new ModelSpec<>(modelKind, bind(settings, modelKind.settingsType(), "model", variantKey, Set.of()));
        }

        private <T extends Record> T bind(ObjectNode node, Class<T> type, String section, String variantKey,
                                          Set<String> optional) {
            for (RecordComponent c : type.getRecordComponents()) {
                String key = SNAKE_CASE.translate(c.getName());
                if (!optional.contains(key) && (node.path(key).isMissingNode() || node.path(key).isNull())) {
                    throw errors.at(section + "." + key, variantKey, "missing required key");
                }
            }
            try {
                return mapper.treeToValue(node, type);
            } catch (JsonMappingException e) {
                throw errors.translate(e, section, variantKey);
            } catch (JsonProcessingException e) {
                throw errors.at(section, variantKey, e.getOriginalMessage());
            }
        }
    }
}
