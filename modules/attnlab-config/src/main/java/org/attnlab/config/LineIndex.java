package org.attnlab.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Line of every key path in a YAML text (e.g. {@code training.batch_size}, {@code seeds[1]}; {@code ""} is the
 * document); built while refusing anchors, aliases and a second document ({@link YamlStrictness}).
 */
public final class LineIndex {
    /** The index of a document that has no text (built in memory): every key is unplaced. */
    public static final LineIndex EMPTY = new LineIndex();

    private final Map<String, Integer> lines = new HashMap<>();

    private LineIndex() {
    }

    /** Indexes {@code text}; throws the parser's exception on malformed or refused YAML. */
    static LineIndex of(ObjectMapper mapper, String text) throws IOException {
        LineIndex index = new LineIndex();
        try (JsonParser p = mapper.createParser(text)) {
            YamlStrictness strict = new YamlStrictness();
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                strict.accept(p, t);
                if (t != JsonToken.END_OBJECT && t != JsonToken.END_ARRAY) {
                    index.lines.putIfAbsent(path(p.getParsingContext()), p.currentTokenLocation().getLineNr());
                }
            }
        }
        return index;
    }

    /** The line of {@code path}, or -1 if the text does not have it. */
    public int line(String path) {
        return lines.getOrDefault(path, -1);
    }

    /** True when the text spells out {@code path}. */
    public boolean has(String path) {
        return lines.containsKey(path);
    }

    /** The line of {@code path}, else of its nearest parent that the text has (a missing key), else -1. */
    public int nearestLine(String path) {
        for (String p = path; !p.isEmpty(); p = KeyPaths.parent(p)) {
            if (has(p)) {
                return line(p);
            }
        }
        return line("");
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
