package org.attnlab.experiments.config;

import com.fasterxml.jackson.databind.JsonMappingException;

/** Dotted key paths: {@code training.batch_size}, {@code seeds[0]}. */
final class KeyPaths {
    private KeyPaths() {
    }

    /** Joins segments; index segments ({@code [i]}) attach without a dot. */
    static String join(Iterable<String> parts) {
        StringBuilder b = new StringBuilder();
        for (String p : parts) {
            append(b, p);
        }
        return b.toString();
    }

    /** {@code prefix} followed by {@code child} (either may be empty). */
    static String child(String prefix, String child) {
        StringBuilder b = new StringBuilder(prefix);
        append(b, child);
        return b.toString();
    }

    /** The path of a Jackson binding error. */
    static String of(JsonMappingException e) {
        StringBuilder b = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            append(b, r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]");
        }
        return b.toString();
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
