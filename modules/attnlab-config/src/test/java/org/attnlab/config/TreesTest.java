package org.attnlab.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TreesTest {
    private static ObjectNode tree(String yaml) {
        return (ObjectNode) Yaml.parse(yaml).tree();
    }

    @Test
    void defaultsThenBaseThenVariantEachOverrideTheOneBefore() {
        ObjectNode defaults = tree("lr: 0.001\nsteps: 100\nschedule: {kind: constant, warmup: 0}\nlayers: [1, 2, 3]\n");
        ObjectNode base = tree("steps: 50\nschedule: {warmup: 10}\nlayers: [4]\n");
        ObjectNode variant = tree("lr: 0.01\nschedule: {kind: cosine}\n");
        ObjectNode merged = Trees.merge(Trees.merge(defaults.deepCopy(), base), variant);
        assertEquals(tree("lr: 0.01\nsteps: 50\nschedule: {kind: cosine, warmup: 10}\nlayers: [4]\n"), merged);
    }

    @Test
    void mergeCopiesTheOverridesAndAcceptsNone() {
        ObjectNode base = tree("a: 1\n");
        ObjectNode over = tree("b: {c: 2}\n");
        ObjectNode merged = Trees.merge(base, over);
        ((ObjectNode) over.get("b")).put("c", 3);
        assertEquals(2, merged.path("b").path("c").asInt(), "later changes to the overrides do not leak in");
        assertEquals(tree("a: 1\nb: {c: 2}\n"), Trees.merge(merged, null));
    }

    @Test
    void aDottedOverrideSetsNestedKeysOnACopy() {
        ObjectNode doc = tree("model: {heads: 4, layers: [1, 2]}\nname: reverse\n");
        Map<String, Object> overrides = new LinkedHashMap<>();
        overrides.put("model.heads", 8);
        overrides.put("training.optimizer.lr", 0.01);
        overrides.put("model.score", "additive");
        ObjectNode out = Trees.withOverrides(doc, overrides);
        assertEquals(tree("model: {heads: 8, layers: [1, 2], score: additive}\nname: reverse\n"
                + "training: {optimizer: {lr: 0.01}}\n"), out);
        assertEquals(4, doc.path("model").path("heads").asInt(), "the document itself is unchanged");
        assertFalse(doc.has("training"));
    }

    @Test
    void aDottedOverrideSetsListsAndRefusesToDescendIntoAValue() {
        ObjectNode doc = tree("name: reverse\nseeds: [1]\n");
        assertEquals(List.of(4, 5), Yaml.mapper().convertValue(
                Trees.withOverrides(doc, Map.of("seeds", List.of(4, 5))).get("seeds"), List.class));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Trees.withOverrides(doc, Map.of("name.first", 1)));
        assertTrue(e.getMessage().contains("cannot set 'name.first': 'name' is a value"), e.getMessage());
    }

    @Test
    void sortedOrdersTheKeysOfEveryMapping() {
        ObjectNode sorted = Trees.sorted(tree("b: 1\na: {d: 2, c: 3}\n"));
        assertEquals("{\"a\":{\"c\":3,\"d\":2},\"b\":1}", sorted.toString());
    }
}
