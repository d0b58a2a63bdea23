package org.attnlab.experiments.config;

import java.nio.file.Path;
import org.attnlab.config.Excerpt;

/** An invalid experiment file: names the file (as given), the key path, the line when known, and the reason. */
public final class ConfigException extends RuntimeException {
    /** Longest reason kept: parser messages may quote the file, which must not leak more than a short excerpt. */
    private static final int MAX_REASON = 200;
    private final String keyPath;

    public ConfigException(Path file, String keyPath, int line, String reason) {
        super(file + ": " + (keyPath.isEmpty() ? "" : Excerpt.of(keyPath) + ": ")
                + Excerpt.line(String.valueOf(reason), MAX_REASON) + (line > 0 ? " (line " + line + ")" : ""));
        this.keyPath = keyPath;
    }

    /** Dotted path of the offending key, e.g. {@code training.batch_size}; empty for the whole file. */
    public String keyPath() {
        return keyPath;
    }
}
