package org.attnlab.datasets;

import java.io.IOException;
import java.nio.file.Path;

/** A data file that cannot be read as its format says: bad magic number, short read, bad compressed block. */
public class CorruptDataException extends IOException {

    /** @param file the file being read; @param offset byte offset where the problem was found; @param problem what is wrong */
    public CorruptDataException(Path file, long offset, String problem) {
        this(file, offset, problem, null);
    }

    /** As {@link #CorruptDataException(Path, long, String)}, keeping the low-level cause. */
    public CorruptDataException(Path file, long offset, String problem, Throwable cause) {
        super(file + " at offset " + offset + ": " + problem, cause);
    }
}
