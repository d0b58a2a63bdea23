package org.attnlab.sweeps.objective;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.attnlab.config.Yaml;
import org.attnlab.config.YamlDocument;
import org.attnlab.config.YamlException;
import org.attnlab.datasets.io.BadInputFileException;
import org.attnlab.datasets.io.InputFiles;

/** The experiment a sweep varies: its file and its YAML document (a mapping; Jackson trees are serializable). */
public record BaseExperiment(String file, ObjectNode document) implements Serializable {

    /** Reads an experiment YAML file strictly, as every config file is read. */
    public static BaseExperiment load(Path file) {
        YamlDocument doc;
        try {
            doc = Yaml.parse(InputFiles.readString(file, InputFiles.CONFIG_LIMIT));
        } catch (BadInputFileException e) {
            throw new UncheckedIOException("cannot read base experiment " + file, e);
        } catch (YamlException e) {
            throw new IllegalArgumentException("base experiment " + file + ": " + e.getMessage(), e);
        }
        if (!doc.isMapping()) {
            throw new IllegalArgumentException("base experiment " + file + " is not a mapping of sections");
        }
        return new BaseExperiment(file.toString(), (ObjectNode) doc.tree());
    }
}
