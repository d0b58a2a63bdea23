package org.attnlab.experiments.run;

/** A dataset that cannot be used (missing, corrupt, checksum mismatch, labels out of range): nothing was trained. */
public final class DataException extends RuntimeException {
    DataException(String variant, String problem, Throwable cause) {
        super("dataset of variant " + variant + ": " + problem, cause);
    }
}
