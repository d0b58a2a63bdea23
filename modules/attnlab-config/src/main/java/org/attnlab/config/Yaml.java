package org.attnlab.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;

/**
 * AttnLab's one way of reading YAML: strict parsing (duplicate keys, anchors, aliases and a second document refused),
 * the line of every key, and binding to records with snake_case keys, no unknown keys and no silent type coercion.
 */
public final class Yaml {
    private static final ObjectMapper MAPPER = YAMLMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
                    DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
                    DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .build();

    private Yaml() {
    }

    /** The strict mapper (thread-safe; do not reconfigure): for binding trees to records and writing YAML. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Parses {@code text} (one document); malformed or refused YAML is a {@link YamlException} at its line. */
    public static YamlDocument parse(String text) {
        try {
            LineIndex lines = LineIndex.of(MAPPER, text);
            return new YamlDocument(MAPPER.readTree(text), lines);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? -1 : e.getLocation().getLineNr();
            throw new YamlException("", line, e.getOriginalMessage());
        } catch (IOException e) {
            throw new YamlException("", -1, e.getClass().getSimpleName());
        }
    }

    /** {@code tree} as YAML text, without a document start marker. */
    public static String write(JsonNode tree) {
        try {
            return MAPPER.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a YAML tree: " + e.getOriginalMessage(), e);
        }
    }
}
