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
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.reader.ReaderException;

/**
 * AttnLab's one way of reading YAML: strict parsing (duplicate keys, anchors, aliases and a second document refused),
 * the line of every key, and binding to records with snake_case keys, no unknown keys and no silent type coercion;
 * an enum is read from its constant's name in any case ({@code scaled_dot} for {@code SCALED_DOT}), never from a number.
 */
public final class Yaml {
    private static final ObjectMapper MAPPER = YAMLMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
                    DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
                    DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY,
                    DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
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
            throw located(text, e);
        } catch (IOException e) {
            throw new YamlException("", -1, e.getClass().getSimpleName());
        }
    }

    /**
     * The error at the line the YAML scanner or reader found it (Jackson's own location is where its parser stood, often
     * the line before), with the scanner's problem alone: never the excerpt of the file it prints under it.
     */
    private static YamlException located(String text, JsonProcessingException e) {
        for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
            if (c instanceof MarkedYAMLException m && m.getProblemMark() != null) {
                return new YamlException("", m.getProblemMark().getLine() + 1, String.valueOf(m.getProblem()));
            }
            if (c instanceof ReaderException r) {
                int position = Math.max(0, Math.min(r.getPosition(), text.length()));
                int line = 1 + (int) text.substring(0, position).chars().filter(ch -> ch == '\n').count();
                return new YamlException("", line, String.format("a character YAML does not allow (U+%04X)",
                        r.getCodePoint()));
            }
        }
        int line = e.getLocation() == null ? -1 : e.getLocation().getLineNr();
        String reason = String.valueOf(e.getOriginalMessage());
        if (reason.matches("Malformed numeric value '[-+]?\\.(?i:nan|inf)'")) {
            reason = "not a finite number (" + reason.substring(reason.indexOf('\'')) + "): give a number";
        }
        return new YamlException("", line, reason);
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
