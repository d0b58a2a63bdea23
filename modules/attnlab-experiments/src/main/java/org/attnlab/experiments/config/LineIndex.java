package org.attnlab.experiments.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/** Line of every key path in a YAML text (e.g. {@code training.batch_size}, {@code seeds[1]}). */
final class LineIndex {
    /** The index of a document that has no text (built in memory): every key is unplaced. */
    static final LineIndex EMPTY = new LineIndex();

    private final Map<String, Integer> lines = new HashMap<>();
    private boolean mapping;

    /** Indexes {@code text}; throws the parser's exception on malformed YAML. */
    static LineIndex of(ObjectMapper mapper, String text) throws IOException {
        LineIndex index = new LineIndex();
        try (JsonParser p = mapper.createParser(text)) {
            JsonToken t;
            index.mapping = p.nextToken() == JsonToken.START_OBJECT;
            if (p.currentToken() != null) {
                index.lines.put("", p.currentTokenLocation().getLineNr());
            }
            while ((t = p.nextToken()) != null) {
                if (t != JsonToken.END_OBJECT && t != JsonToken.END_ARRAY) {
                    index.lines.putIfAbsent(path(p.getParsingContext()), p.currentTokenLocation().getLineNr());
                }
            }
        }
        return index;
    }

    /** True when the document is a mapping (the only shape of a config file). */
    boolean isMapping() {
        return mapping;
    }

    /** The line of {@code path}, or -1 if the file does not have it. */
    int line(String path) {
        return lines.getOrDefault(path, -1);
    }

    /** True when the file spells out {@code path}. */
    boolean has(String path) {
        return lines.containsKey(path);
    }

    private static String path(JsonStreamContext ctx) {
        Deque<String> parts = new ArrayDeque<>();
        for (JsonStreamContext c = ctx; c != null; c = c.getParent()) {
            if (c.inArray() && c.getCurrentIndex() >= 0) {
                parts.push("[" + c.getCurrentIndex() + "]");
            } else if (c.inObject() && c.getCurrentName() != null) {
                parts.push(c.getCurrentName());
            }
        }
        return KeyPaths.join(parts);
    }
}
