package org.attnlab.experiments.report;

import org.attnlab.experiments.store.RecordFiles;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.attnlab.experiments.config.ReportSettings;
import org.attnlab.experiments.store.AtomicFiles;

/**
 * What {@code attnlab run} leaves for the report besides the runs ({@value #FILE} in the experiment's folder): the
 * experiment file it ran, whether it was a {@code --quick} smoke test, and the file's {@code report} section.
 *
 * @param source   the experiment file as given on the command line
 * @param quick    true for a {@code --quick} run
 * @param settings how the report compares variants
 */
public record ExperimentRecord(String source, boolean quick, ReportSettings settings) {
    /** File name in {@code <results>/<experiment>/}. */
    public static final String FILE = "experiment.json";

    /** Writes this record into {@code experimentDir}. */
    public void write(Path experimentDir) {
        try {
            AtomicFiles.writeString(experimentDir.resolve(FILE), new ObjectMapper().writerWithDefaultPrettyPrinter()
                    .writeValueAsString(this));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The record in {@code experimentDir}, or one with default settings when there is none. */
    public static ExperimentRecord read(Path experimentDir, String experiment) {
        Path f = experimentDir.resolve(FILE);
        if (!Files.exists(f)) {
            return new ExperimentRecord("", experiment.endsWith(org.attnlab.experiments.run.RunPlanner.QUICK_SUFFIX), ReportSettings.DEFAULTS);
        }
        return RecordFiles.readOr(f, null, file -> new ObjectMapper().readValue(file, ExperimentRecord.class));
    }
}
