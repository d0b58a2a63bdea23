package org.attnlab.experiments.config;

import java.nio.file.Path;

/** An invalid experiment file: names the file, the key path, the line when known, and the reason. */
public final class ConfigException extends RuntimeException {
    private final String keyPath;

    public ConfigException(Path file, String keyPath, int line, String reason) {
        super(file.getFileName() + ": " + (keyPath.isEmpty() ? "" : keyPath + ": ") + reason
                + (line > 0 ? " (line " + line + ")" : ""));
        this.keyPath = keyPath;
    }

    /** Dotted path of the offending key, e.g. {@code training.batch_size}; empty for the whole file. */
    public String keyPath() {
        return keyPath;
    }
}
