package org.attnlab.sweeps.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Applies dotted-key overrides ({@code training.lr: 0.01}) to a config document held as a tree of maps and lists. */
public final class ConfigOverrides {

    private ConfigOverrides() {
    }

    /** A deep copy of {@code document} with each override set, creating missing mappings on the way. */
    public static Map<String, Object> apply(Map<String, Object> document, Map<String, Object> overrides) {
        Map<String, Object> copy = deepCopy(document);
        overrides.forEach((key, value) -> set(copy, key, value));
        return copy;
    }

    @SuppressWarnings("unchecked")
    private static void set(Map<String, Object> root, String dottedKey, Object value) {
        String[] parts = dottedKey.split("\\.");
        Map<String, Object> node = root;
        for (int i = 0; i < parts.length - 1; i++) {
            Object next = node.computeIfAbsent(parts[i], k -> new LinkedHashMap<String, Object>());
            if (!(next instanceof Map)) {
                throw new IllegalArgumentException("cannot set '" + dottedKey + "': '"
                        + String.join(".", List.of(parts).subList(0, i + 1)) + "' is a value, not a mapping");
            }
            node = (Map<String, Object>) next;
        }
        node.put(parts[parts.length - 1], value);
    }

    @SuppressWarnings("unchecked")
    private static <T> T deepCopy(T value) {
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(k, deepCopy(v)));
            return (T) out;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            list.forEach(v -> out.add(deepCopy(v)));
            return (T) out;
        }
        return value;
    }
}
