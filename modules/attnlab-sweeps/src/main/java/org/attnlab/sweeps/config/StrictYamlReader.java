package org.attnlab.sweeps.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import org.attnlab.datasets.io.Excerpt;
import org.attnlab.experiments.config.YamlStrictness;

/**
 * Reads one YAML document as a tree, refusing what would be misread silently: duplicate keys (the last would win),
 * anchors, aliases and a second document ({@link YamlStrictness}).
 */
final class StrictYamlReader {
    private static final ObjectMapper MAPPER = YAMLMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private StrictYamlReader() {
    }

    /** The document of {@code text}; {@code file} names it in errors. */
    static JsonNode read(String file, String text) {
        try (JsonParser p = MAPPER.createParser(text)) {
            YamlStrictness strict = new YamlStrictness();
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                strict.accept(p, t);
            }
            return MAPPER.readTree(text);
        } catch (JacksonException e) {
            int line = e.getLocation() == null ? -1 : e.getLocation().getLineNr();
            throw new SweepConfigException(file, "", "not valid YAML: " + Excerpt.line(e.getOriginalMessage(), 160)
                    + (line > 0 ? " (line " + line + ")" : ""));
        } catch (IOException e) {
            throw new SweepConfigException(file, "", "cannot read: " + e.getClass().getSimpleName());
        }
    }
}
