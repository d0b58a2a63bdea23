package org.attnlab.config;

/**
 * YAML that cannot be used: the key path ({@code ""} for the whole document), the line (-1 when unknown) and the
 * reason. Readers of a file add its name; {@link #getMessage()} is {@code "KEY: REASON (line N)"}.
 */
public final class YamlException extends RuntimeException {
    private final String keyPath;
    private final int line;
    private final String reason;

    public YamlException(String keyPath, int line, String reason) {
        super((keyPath.isEmpty() ? "" : keyPath + ": ") + reason + (line > 0 ? " (line " + line + ")" : ""));
        this.keyPath = keyPath;
        this.line = line;
        this.reason = String.valueOf(reason);
    }

    /** Dotted path of the offending key, e.g. {@code training.batch_size}; empty for the whole document. */
    public String keyPath() {
        return keyPath;
    }

    /** Line of the problem, or -1. */
    public int line() {
        return line;
    }

    /** What is wrong, without key or line. */
    public String reason() {
        return reason;
    }
}
