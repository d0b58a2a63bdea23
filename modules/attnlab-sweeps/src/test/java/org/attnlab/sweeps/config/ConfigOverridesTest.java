package org.attnlab.sweeps.config;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigOverridesTest {

    private static Map<String, Object> base() {
        Map<String, Object> model = new LinkedHashMap<>(Map.of("heads", 4, "layers", List.of(1, 2)));
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("model", model);
        root.put("name", "reverse");
        return root;
    }

    @Test
    @SuppressWarnings("unchecked")
    void setsNestedKeysOnACopy() {
        Map<String, Object> base = base();
        Map<String, Object> out = ConfigOverrides.apply(base, Map.of("model.heads", 8, "training.optimizer.lr", 0.01));
        assertEquals(8, ((Map<String, Object>) out.get("model")).get("heads"));
        assertEquals(List.of(1, 2), ((Map<String, Object>) out.get("model")).get("layers"));
        assertEquals(0.01, ((Map<String, Object>) ((Map<String, Object>) out.get("training")).get("optimizer")).get("lr"));
        assertEquals(4, ((Map<String, Object>) base.get("model")).get("heads"));
        assertEquals(false, base.containsKey("training"));
    }

    @Test
    void refusesToDescendIntoAValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ConfigOverrides.apply(base(), Map.of("name.first", 1)));
        assertTrue(e.getMessage().contains("'name' is a value"), e.getMessage());
    }
}
