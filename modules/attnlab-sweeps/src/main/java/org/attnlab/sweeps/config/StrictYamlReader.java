package org.attnlab.sweeps.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import org.attnlab.datasets.io.Excerpt;

/**
 * Reads one YAML document as a tree, refusing what would be misread silently: duplicate keys (the last would win),
 * anchors and aliases (Jackson turns an alias into a string) and a second document (it would be ignored).
 */
final class StrictYamlReader {
    private static final ObjectMapper MAPPER = YAMLMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    private static final YAMLFactory FACTORY = (YAMLFactory) MAPPER.getFactory();

    private StrictYamlReader() {
    }

    /** The document of {@code text}; {@code file} names it in errors. */
    static JsonNode read(String file, String text) {
        try (YAMLParser p = FACTORY.createParser(text)) {
            int depth = 0;
            int documents = 0;
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (p.isCurrentAlias() || p.getObjectId() != null) {
                    throw new SweepConfigException(file, "", "YAML anchors and aliases are not supported (line "
                            + p.currentTokenLocation().getLineNr() + ")");
                }
                if (depth == 0 && ++documents > 1) {
                    throw new SweepConfigException(file, "", "a second YAML document (line "
                            + p.currentTokenLocation().getLineNr() + "); a sweep file holds one");
                }
                depth += t.isStructStart() ? 1 : t.isStructEnd() ? -1 : 0;
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
