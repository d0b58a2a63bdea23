package org.attnlab.datasets.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.attnlab.config.Yaml;
import org.attnlab.config.YamlDocument;
import org.attnlab.config.YamlException;
import org.attnlab.datasets.io.InputFiles;

/** The dataset catalogue ({@code datasets/catalog.yaml}), bundled in the jar or read from a file. */
public final class DatasetCatalog {

    private static final String BUNDLED = "/org/attnlab/datasets/catalog.yaml";

    private final List<DatasetSpec> datasets;

    private DatasetCatalog(List<DatasetSpec> datasets) {
        this.datasets = List.copyOf(datasets);
    }

    /** The catalogue shipped with this module. */
    public static DatasetCatalog bundled() {
        try (InputStream in = DatasetCatalog.class.getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new IllegalStateException("catalogue resource missing: " + BUNDLED);
            }
            return parse("catalog.yaml", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bundled catalogue " + BUNDLED, e);
        }
    }

    /** Reads a catalogue file in the same YAML format; a bad file is an IOException naming file, key and line. */
    public static DatasetCatalog load(Path file) throws IOException {
        return parse(file.getFileName().toString(), InputFiles.readString(file, InputFiles.CONFIG_LIMIT));
    }

    private static DatasetCatalog parse(String name, String text) throws IOException {
        try {
            YamlDocument doc = Yaml.parse(text);
            if (!doc.isMapping()) {
                throw new IOException(name + ": not a catalogue: expected a mapping with the key datasets");
            }
            CatalogFile catalog = doc.bind(CatalogFile.class);
            if (catalog.datasets() == null) {
                throw new IOException(name + ": datasets: missing required key");
            }
            return new DatasetCatalog(catalog.datasets());
        } catch (YamlException e) {
            throw new IOException(name + ": " + e.getMessage(), e);
        }
    }

    /** All entries, in catalogue order. */
    public List<DatasetSpec> datasets() {
        return datasets;
    }

    /** The entry named {@code name}; throws IllegalArgumentException listing the known names otherwise. */
    public DatasetSpec get(String name) {
        return datasets.stream().filter(d -> d.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown dataset '" + name + "'; known: "
                        + datasets.stream().map(DatasetSpec::name).collect(Collectors.joining(", "))));
    }

    private record CatalogFile(List<DatasetSpec> datasets) {
    }
}
