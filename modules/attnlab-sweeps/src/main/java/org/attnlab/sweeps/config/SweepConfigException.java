package org.attnlab.sweeps.config;

import org.attnlab.config.Excerpt;

/** A sweep file that cannot be used; the message names the file, the key path, the reason and the line when known. */
public final class SweepConfigException extends RuntimeException {
    /** Longest reason kept, so that no message repeats more than a short excerpt of a file. */
    private static final int MAX_REASON = 200;

    public SweepConfigException(String file, String keyPath, int line, String reason) {
        super(file + ": " + (keyPath.isEmpty() ? "" : Excerpt.of(keyPath) + ": ") + Excerpt.line(reason, MAX_REASON)
                + (line > 0 ? " (line " + line + ")" : ""));
    }
}
