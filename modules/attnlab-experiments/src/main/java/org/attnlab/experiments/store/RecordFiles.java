package org.attnlab.experiments.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.File;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads the JSON and YAML files that runs and reports write. A file that cannot be read becomes a one-line reason that
 * names it and, for a parse error, the line and column; it never quotes the file (it may not be ours).
 */
public final class RecordFiles {
    private RecordFiles() {
    }

    /** Parses a file. */
    @FunctionalInterface
    public interface Parser<T> {
        T parse(File file) throws IOException;
    }

    /**
     * {@code parser}'s reading of {@code file}, or {@code missing} when there is no such file.
     *
     * @throws UncheckedIOException with a message of {@link #unreadable} when the file is there but cannot be read
     */
    public static <T> T readOr(Path file, T missing, Parser<T> parser) {
        if (!Files.exists(file)) {
            return missing;
        }
        try {
            return parser.parse(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(unreadable(file, e), e);
        }
    }

    /** Why {@code file} could not be read, in one line without its content. */
    public static String unreadable(Path file, IOException e) {
        if (e instanceof JsonProcessingException j && j.getLocation() != null && j.getLocation().getLineNr() > 0) {
            return "cannot read " + file + ": not the file AttnLab writes there, or cut short (line "
                    + j.getLocation().getLineNr() + ", column " + j.getLocation().getColumnNr() + ")";
        }
        if (e instanceof JsonProcessingException) {
            return "cannot read " + file + ": not the file AttnLab writes there, or cut short";
        }
        if (e instanceof AccessDeniedException) {
            return "cannot read " + file + ": permission denied";
        }
        if (e instanceof FileNotFoundException && Files.isDirectory(file)) {
            return "cannot read " + file + ": it is a folder";
        }
        return "cannot read " + file;
    }
}
