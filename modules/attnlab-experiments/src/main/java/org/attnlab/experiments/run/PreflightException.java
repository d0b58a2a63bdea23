package org.attnlab.experiments.run;

/**
 * An experiment that cannot start, found before any run trains: a dataset that cannot be used (missing, corrupt,
 * checksum mismatch, labels out of range) or a run that would not fit in this machine's memory.
 */
public final class PreflightException extends RuntimeException {
    PreflightException(String message, Throwable cause) {
        super(message, cause);
    }
}
