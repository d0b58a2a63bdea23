package org.attnlab.experiments.config;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The top level of an experiment file as written, before defaults and variants are applied. */
record ExperimentFile(String name, String description, ObjectNode dataset, ObjectNode model, ObjectNode training,
                      List<Long> seeds, LinkedHashMap<String, Overrides> variants, ObjectNode report) {
    /** Section names, in merge order. */
    static final List<String> SECTIONS = List.of("dataset", "model", "training");

    /** A variant: the keys it changes, per section. */
    record Overrides(ObjectNode dataset, ObjectNode model, ObjectNode training) {
        Map<String, ObjectNode> sections() {
            return sectionMap(dataset, model, training);
        }
    }

    Map<String, ObjectNode> sections() {
        return sectionMap(dataset, model, training);
    }

    private static Map<String, ObjectNode> sectionMap(ObjectNode dataset, ObjectNode model, ObjectNode training) {
        Map<String, ObjectNode> m = new HashMap<>();
        m.put("dataset", dataset);
        m.put("model", model);
        m.put("training", training);
        return m;
    }
}
