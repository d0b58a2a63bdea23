package org.attnlab.sweeps.config;

import java.util.List;

/** One searched parameter: a dotted key of the base experiment config and the values it may take. */
public sealed interface ParamSpec {

    /** The dotted config key, e.g. {@code training.lr}. */
    String key();

    /** A real value in [min, max], drawn uniformly on a linear or a log scale. */
    record Continuous(String key, double min, double max, boolean log) implements ParamSpec {
    }

    /** An integer in [min, max], both included. */
    record Integer(String key, int min, int max) implements ParamSpec {
    }

    /** One of a list of values (strings, numbers or booleans). */
    record Categorical(String key, List<Object> values) implements ParamSpec {
    }
}
