package org.attnlab.experiments.model;

import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** The model kinds found on the class path, keyed by {@link ModelFactory#kind()}. */
public final class ModelRegistry {
    private final Map<String, ModelFactory<?>> byKind = new TreeMap<>();

    private ModelRegistry() {
    }

    /** Every {@link ModelFactory} registered through {@link ServiceLoader}. */
    public static ModelRegistry load() {
        ModelRegistry r = new ModelRegistry();
        for (ModelFactory<?> f : ServiceLoader.load(ModelFactory.class)) {
            r.byKind.put(f.kind(), f);
        }
        return r;
    }

    /** The factory for {@code kind}, or an exception listing the known kinds. */
    public ModelFactory<?> find(String kind) {
        ModelFactory<?> f = byKind.get(kind);
        if (f == null) {
            throw new IllegalArgumentException("unknown model kind '" + kind + "'; valid: " + String.join(", ", byKind.keySet()));
        }
        return f;
    }
}
