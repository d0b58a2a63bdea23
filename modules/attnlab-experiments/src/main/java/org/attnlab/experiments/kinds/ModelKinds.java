package org.attnlab.experiments.kinds;

import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** The model kinds found on the class path, keyed by {@link ModelKind#name()}. */
public final class ModelKinds {
    private final Map<String, ModelKind<?>> byName = new TreeMap<>();

    private ModelKinds() {
    }

    /** Every {@link ModelKind} registered through {@link ServiceLoader}. */
    public static ModelKinds load() {
        ModelKinds r = new ModelKinds();
        for (ModelKind<?> k : ServiceLoader.load(ModelKind.class)) {
            r.byName.put(k.name(), k);
        }
        return r;
    }

    /** The kind called {@code name}, or an exception listing the known kinds. */
    public ModelKind<?> find(String name) {
        ModelKind<?> k = byName.get(name);
        if (k == null) {
            throw new IllegalArgumentException("unknown model kind '" + name + "'; valid: "
                    + String.join(", ", byName.keySet()));
        }
        return k;
    }
}
