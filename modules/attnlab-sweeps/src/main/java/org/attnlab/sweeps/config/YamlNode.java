package org.attnlab.sweeps.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.attnlab.config.LineIndex;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * A node of a YAML document that knows its file, key path and the document's lines, so every type or range error can
 * name the file, the key and its line (a missing key: the line of its nearest parent).
 */
final class YamlNode {

    private final String file;
    private final LineIndex lines;
    private final String path;
    private final JsonNode node;

    YamlNode(String file, LineIndex lines, String path, JsonNode node) {
        this.file = file;
        this.lines = lines;
        this.path = path;
        this.node = node;
    }

    String path() {
        return path;
    }

    SweepConfigException error(String reason) {
        return new SweepConfigException(file, path, lines.nearestLine(path), reason);
    }

    /** Fails on any key of this mapping outside {@code known}. */
    YamlNode allowOnly(Set<String> known) {
        requireObject();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!known.contains(key)) {
                throw child(key).error("unknown key (expected one of " + String.join(", ", known) + ")");
            }
        }
        return this;
    }

    boolean has(String key) {
        return node.has(key) && !node.get(key).isNull();
    }

    YamlNode child(String key) {
        return new YamlNode(file, lines, path.isEmpty() ? key : path + "." + key, node.get(key));
    }

    /** The child mapping, or an empty mapping when the key is absent. */
    YamlNode object(String key) {
        YamlNode c = has(key) ? child(key) : new YamlNode(file, lines, child(key).path, JsonNodeFactory.instance.objectNode());
        return c.requireObject();
    }

    List<String> keys() {
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    List<YamlNode> elements() {
        if (!node.isArray()) {
            throw error("expected a list");
        }
        List<YamlNode> out = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            out.add(new YamlNode(file, lines, path + "[" + i + "]", node.get(i)));
        }
        return out;
    }

    String string(String key) {
        if (!has(key)) {
            throw child(key).error("missing");
        }
        return child(key).asString();
    }

    String string(String key, String fallback) {
        return has(key) ? child(key).asString() : fallback;
    }

    double number(String key) {
        if (!has(key)) {
            throw child(key).error("missing");
        }
        YamlNode c = child(key);
        if (c.node.isNumber()) {
            return c.node.doubleValue();
        }
        // YAML 1.1 reads 1e-4 (no dot) as a string: accept any text that is a finite number.
        if (c.node.isTextual()) {
            try {
                double v = Double.parseDouble(c.node.textValue());
                if (Double.isFinite(v)) {
                    return v;
                }
            } catch (NumberFormatException ignored) {
                // reported below
            }
        }
        throw c.error("expected a number, got '" + c.node.asText() + "'");
    }

    long integer(String key, long fallback) {
        return has(key) ? child(key).asInteger() : fallback;
    }

    /** An optional integer that must be at least {@code min}. */
    int integerAtLeast(String key, int fallback, int min) {
        long v = integer(key, fallback);
        if (v < min || v > Integer.MAX_VALUE) {
            throw child(key).error(min == 0 ? "must not be negative" : "must be at least " + min);
        }
        return (int) v;
    }

    long integer(String key) {
        if (!has(key)) {
            throw child(key).error("missing");
        }
        return child(key).asInteger();
    }

    boolean bool(String key, boolean fallback) {
        if (!has(key)) {
            return fallback;
        }
        YamlNode c = child(key);
        if (!c.node.isBoolean()) {
            throw c.error("expected true or false, got '" + c.node.asText() + "'");
        }
        return c.node.booleanValue();
    }

    /** The scalar as a Java value: String, Integer/Long, Double or Boolean. */
    Object scalar() {
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isIntegralNumber() && node.canConvertToInt()) {
            return node.intValue();
        }
        if (node.isIntegralNumber()) {
            return node.longValue();
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        throw error("expected a string, number or boolean");
    }

    private String asString() {
        if (!node.isTextual()) {
            throw error("expected a string, got '" + node + "'");
        }
        return node.textValue();
    }

    private long asInteger() {
        if (!node.isIntegralNumber()) {
            throw error("expected an integer, got '" + node.asText() + "'");
        }
        return node.longValue();
    }

    private YamlNode requireObject() {
        if (node == null || !node.isObject()) {
            throw error("expected a mapping of keys to values");
        }
        return this;
    }
}
