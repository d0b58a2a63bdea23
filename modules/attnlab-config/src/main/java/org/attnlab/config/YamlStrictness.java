package org.attnlab.config;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;

/**
 * Refuses, token by token, the YAML that Jackson would misread silently: anchors and aliases (an alias becomes a
 * string) and a second document (it would be ignored). Feed it every token of one parse, in order.
 */
final class YamlStrictness {
    private int depth;
    private int documents;

    /** Checks the parser's current token {@code t}; a refusal is a {@link JsonParseException} at its line. */
    void accept(JsonParser p, JsonToken t) throws IOException {
        if (p instanceof YAMLParser y && (y.isCurrentAlias() || y.getObjectId() != null)) {
            throw new JsonParseException(p, "YAML anchors and aliases are not supported");
        }
        if (depth == 0 && ++documents > 1) {
            throw new JsonParseException(p, "a second YAML document; a config file holds one");
        }
        depth += t.isStructStart() ? 1 : t.isStructEnd() ? -1 : 0;
    }
}
