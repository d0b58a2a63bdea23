package org.attnlab.experiments.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/** Deep merge and canonical ordering of YAML mappings. */
final class Trees {
    private Trees() {
    }

    /** A copy of {@code node} with the keys of every mapping in sorted order (a canonical form for hashing). */
    static ObjectNode sorted(ObjectNode node) {
        ObjectNode out = node.objectNode();
        node.properties().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> out.set(e.getKey(),
                e.getValue() instanceof ObjectNode o ? sorted(o) : e.getValue().deepCopy()));
        return out;
    }

    /** Copies {@code overrides} onto {@code base} (in place): nested mappings merge, anything else replaces. */
    static ObjectNode merge(ObjectNode base, ObjectNode overrides) {
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
}
