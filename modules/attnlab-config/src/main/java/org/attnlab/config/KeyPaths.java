package org.attnlab.config;

import com.fasterxml.jackson.databind.JsonMappingException;

/** Dotted key paths: {@code training.batch_size}, {@code seeds[0]}. */
public final class KeyPaths {
    private KeyPaths() {
    }

    /** Joins segments; index segments ({@code [i]}) attach without a dot. */
    public static String join(Iterable<String> parts) {
        StringBuilder b = new StringBuilder();
        for (String p : parts) {
            append(b, p);
        }
        return b.toString();
    }

    /** {@code prefix} followed by {@code child} (either may be empty). */
    public static String child(String prefix, String child) {
        StringBuilder b = new StringBuilder(prefix);
        append(b, child);
        return b.toString();
    }

    /** The path of a Jackson binding error. */
    public static String of(JsonMappingException e) {
        StringBuilder b = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            append(b, r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]");
        }
        return b.toString();
    }

    /** {@code path} without its last segment ({@code "a.b[2]"} gives {@code "a.b"}); {@code ""} at the top. */
    public static String parent(String path) {
        int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
        return cut < 0 ? "" : path.substring(0, cut);
    }

    private static void append(StringBuilder b, String part) {
        if (part.isEmpty()) {
            return;
        }
        if (b.length() > 0 && !part.startsWith("[")) {
            b.append('.');
        }
        b.append(part);
    }
}
