package org.attnlab.datasets.fetch;

import java.io.IOException;
import java.nio.file.Path;

/** A fetched or cached file whose SHA-256 differs from the catalogue. */
public class ChecksumMismatchException extends IOException {

    /** @param file the offending file; @param expected catalogue checksum; @param actual computed checksum */
    public ChecksumMismatchException(Path file, String expected, String actual) {
        super("checksum mismatch for " + file + ": expected SHA-256 " + expected + ", got " + actual);
    }
}
