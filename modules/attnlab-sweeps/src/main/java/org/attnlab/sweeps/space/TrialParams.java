package org.attnlab.sweeps.space;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

/** One candidate's parameter values by dotted config key, in sweep-file order (Serializable, as Arbiter needs). */
public record TrialParams(LinkedHashMap<String, Object> values) implements Serializable {

    /** An immutable view of the values. */
    public Map<String, Object> asMap() {
        return java.util.Collections.unmodifiableMap(values);
    }
}
