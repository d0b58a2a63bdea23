package org.attnlab.datasets.io;

import java.io.IOException;
import java.nio.file.Path;

/** A user-named file that is missing, not a regular file, too large or unreadable; the message names it. */
public final class BadInputFileException extends IOException {
    private final String problem;

    /** @param file the file; @param problem what is wrong with it (never its content) */
    public BadInputFileException(Path file, String problem) {
        super(file + ": " + problem);
        this.problem = problem;
    }

    /** What is wrong, without the file name. */
    public String problem() {
        return problem;
    }
}
