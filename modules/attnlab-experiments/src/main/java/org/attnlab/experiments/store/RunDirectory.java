package org.attnlab.experiments.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Path;
import java.util.List;

/**
 * The files of one run, {@code <results>/<experiment>/<run-id>/}: {@code config.yaml}, {@code metrics.csv},
 * {@code summary.json}, {@code environment.json}, and while training {@code state.json} plus a checkpoint.
 */
public final class RunDirectory {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private final Path dir;

    public RunDirectory(Path dir) {
        this.dir = dir;
    }

    /** The folder. */
    public Path path() {
        return dir;
    }

    /** Removes temp files of a writer that was killed; returns how many. */
    public int removeLeftovers() {
        return AtomicFiles.removeLeftovers(dir);
    }

    /** Writes a text file atomically. */
    public void writeText(String name, String text) {
        AtomicFiles.writeString(dir.resolve(name), text);
    }

    /** Writes {@code value} as indented JSON atomically. */
    public void writeJson(String name, Object value) {
        try {
            writeText(name, JSON.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new StoreException("cannot encode " + name, e);
        }
    }

    /** Reads a JSON file written by {@link #writeJson}, or null when it does not exist. */
    public <T> T readJson(String name, Class<T> type) {
        return RecordFiles.readOr(dir.resolve(name), null, f -> JSON.readValue(f, type));
    }

    /** Rewrites {@code metrics.csv} with {@code rows}, in the {@code columns} the run's model kind declares. */
    public void writeMetrics(List<MetricRow> rows, List<String> columns) {
        StringBuilder b = new StringBuilder(String.join(",", columns)).append('\n');
        rows.forEach(r -> b.append(r.csv(columns)).append('\n'));
        writeText("metrics.csv", b.toString());
    }
}
