package org.attnlab.sweeps.objective;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** The experiment a sweep varies: its file and its parsed YAML document (a tree of maps, lists and scalars). */
public record BaseExperiment(String file, Map<String, Object> document) implements Serializable {

    /** Reads an experiment YAML file as a document tree. */
    public static BaseExperiment load(Path file) {
        try {
            Map<String, Object> doc = new ObjectMapper(new YAMLFactory())
                    .readValue(file.toFile(), new TypeReference<LinkedHashMap<String, Object>>() { });
            return new BaseExperiment(file.toString(), doc == null ? new LinkedHashMap<>() : doc);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read base experiment " + file, e);
        }
    }
}
