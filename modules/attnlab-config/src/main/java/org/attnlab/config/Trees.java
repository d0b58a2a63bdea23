package org.attnlab.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/** Deep merge, dotted overrides and canonical ordering of YAML mappings. */
public final class Trees {
    private Trees() {
    }

    /** A copy of {@code node} with the keys of every mapping in sorted order (a canonical form for hashing). */
    public static ObjectNode sorted(ObjectNode node) {
        ObjectNode out = node.objectNode();
        node.properties().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> out.set(e.getKey(),
                e.getValue() instanceof ObjectNode o ? sorted(o) : e.getValue().deepCopy()));
        return out;
    }

    /**
     * Copies {@code overrides} onto {@code base} (in place) and returns {@code base}: nested mappings merge, anything
     * else (scalars, lists) replaces. Merging defaults, then a file's base section, then a variant's, gives the variant.
     */
    public static ObjectNode merge(ObjectNode base, ObjectNode overrides) {
        if (overrides == null) {
            return base;
        }
        for (Map.Entry<String, JsonNode> e : overrides.properties()) {
            JsonNode mine = base.get(e.getKey());
            if (mine instanceof ObjectNode o && e.getValue() instanceof ObjectNode over) {
                merge(o, over);
            } else {
                base.set(e.getKey(), e.getValue().deepCopy());
            }
        }
        return base;
    }

    /**
     * A deep copy of {@code document} with each dotted key of {@code overrides} ({@code training.learning_rate: 0.01})
     * set, creating missing mappings on the way; values are plain Java values (numbers, strings, booleans, lists).
     *
     * @throws IllegalArgumentException when a key passes through a value that is not a mapping
     */
    public static ObjectNode withOverrides(ObjectNode document, Map<String, ?> overrides) {
        ObjectNode copy = document.deepCopy();
        overrides.forEach((key, value) -> set(copy, key, Yaml.mapper().valueToTree(value)));
        return copy;
    }

    private static void set(ObjectNode root, String dottedKey, JsonNode value) {
        String[] parts = dottedKey.split("\\.");
        ObjectNode node = root;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode next = node.get(parts[i]);
            if (next == null || next.isNull()) {
                next = node.putObject(parts[i]);
            }
            if (!(next instanceof ObjectNode o)) {
                throw new IllegalArgumentException("cannot set '" + dottedKey + "': '"
                        + String.join(".", List.of(parts).subList(0, i + 1)) + "' is a value, not a mapping");
            }
            node = o;
        }
        node.set(parts[parts.length - 1], value);
    }
}
