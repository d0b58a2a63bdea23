package org.attnlab.datasets.catalog;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

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
            return parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bundled catalogue " + BUNDLED, e);
        }
    }

    /** Reads a catalogue file in the same YAML format. */
    public static DatasetCatalog load(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in);
        }
    }

    private static DatasetCatalog parse(InputStream in) throws IOException {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
        return new DatasetCatalog(yaml.readValue(in, CatalogFile.class).datasets());
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
