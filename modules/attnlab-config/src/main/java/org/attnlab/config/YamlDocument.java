package org.attnlab.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;

/** A parsed YAML document: its tree and the line of each key path ({@link LineIndex#EMPTY} for a tree built in memory). */
public record YamlDocument(JsonNode tree, LineIndex lines) {
    /** True when the text holds no document at all (only blanks or comments). */
    public boolean isEmpty() {
        return !lines.has("") && (tree == null || tree.isMissingNode());
    }

    /** True when the document is a mapping of keys to values. */
    public boolean isMapping() {
        return tree != null && tree.isObject();
    }

    /** Binds the whole document to {@code type}; a failure is a {@link YamlException} naming the key path and line. */
    public <T> T bind(Class<T> type) {
        try {
            return Yaml.mapper().treeToValue(tree, type);
        } catch (JsonMappingException e) {
            String key = KeyPaths.of(e);
            throw new YamlException(key, lines.nearestLine(key), BindingFailures.reason(e));
        } catch (JsonProcessingException e) {
            throw new YamlException("", lines.line(""), e.getOriginalMessage());
        }
    }
}
