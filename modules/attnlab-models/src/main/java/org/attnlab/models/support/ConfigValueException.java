package org.attnlab.models.support;

/**
 * A config value out of its range: names the key, the value and what is allowed. Its message is
 * {@code "key: reason"}; {@link #reason()} alone is what a config loader places after its own file, path and line.
 */
public final class ConfigValueException extends IllegalArgumentException {
    private final String key;
    private final String reason;

    public ConfigValueException(String key, String reason) {
        super(key + ": " + reason);
        this.key = key;
        this.reason = reason;
    }

    /** The key whose value is wrong (a record component's name, or its config spelling). */
    public String key() {
        return key;
    }

    /** What is wrong, with the value and the allowed values or range. */
    public String reason() {
        return reason;
    }
}
