package org.attnlab.experiments.config;

/** Thrown by config records for an out-of-range value of one key; the loader adds file, path and line. */
public final class ConfigValueException extends IllegalArgumentException {
    private final String key;

    public ConfigValueException(String key, String reason) {
        super(reason);
        this.key = key;
    }

    /** The key (relative to its section) whose value is wrong. */
    public String key() {
        return key;
    }
}
