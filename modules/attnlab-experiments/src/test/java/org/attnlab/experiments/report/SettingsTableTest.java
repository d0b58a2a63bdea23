package org.attnlab.experiments.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsTableTest {
    private static JsonNode config(String score, String lr, String init) throws IOException {
        return new YAMLMapper().readTree("""
                dataset: {task: reverse, seq_len: 8}
                model: {kind: tagger, score: %s, additive_init: %s}
                training: {learning_rate: %s, steps: 300}
                seed: 1
                variant: ignored
                """.formatted(score, init, lr));
    }

    @Test
    void listsOnlyTheKeysThatDifferBetweenVariants() throws IOException {
        Map<String, JsonNode> configs = new LinkedHashMap<>();
        configs.put("dot", config("dot", "0.01", "xavier"));
        configs.put("additive", config("additive", "0.03", "xavier"));
        configs.put("bahdanau", config("additive", "0.03", "bahdanau"));
        Table t = SettingsTable.of(configs).orElseThrow();
        assertEquals(List.of("variant", "model.score", "model.additive_init", "training.learning_rate"), t.headers());
        assertEquals(List.of(List.of("dot", "dot", "xavier", "0.01"), List.of("additive", "additive", "xavier", "0.03"),
                List.of("bahdanau", "additive", "bahdanau", "0.03")), t.rows());
    }

    @Test
    void noTableWhenNothingDiffers() throws IOException {
        Map<String, JsonNode> configs = new LinkedHashMap<>();
        configs.put("a", config("dot", "0.01", "xavier"));
        configs.put("b", config("dot", "0.01", "xavier"));
        assertTrue(SettingsTable.of(configs).isEmpty());
        assertTrue(SettingsTable.of(Map.of("only", config("dot", "0.01", "xavier"))).isEmpty());
    }
}
