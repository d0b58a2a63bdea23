package org.attnlab.sweeps.run;

import java.io.Serializable;
import java.util.LinkedHashMap;

/** What one trial runs: its index in the sweep, its seed and its parameter values by dotted config key. */
public record TrialSpec(int index, long seed, LinkedHashMap<String, Object> params) implements Serializable {
}
