package org.attnlab.sweeps.space;

import org.attnlab.sweeps.config.ParamSpec;
import org.deeplearning4j.arbiter.optimize.api.ParameterSpace;
import org.deeplearning4j.arbiter.optimize.distribution.LogUniformDistribution;
import org.deeplearning4j.arbiter.optimize.parameter.continuous.ContinuousParameterSpace;
import org.deeplearning4j.arbiter.optimize.parameter.discrete.DiscreteParameterSpace;
import org.deeplearning4j.arbiter.optimize.parameter.integer.IntegerParameterSpace;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns sweep parameter specs into Arbiter parameter spaces. */
public final class SpaceTranslator {

    private SpaceTranslator() {
    }

    /** The whole search space, one leaf per spec, in spec order. */
    public static SweepSpace translate(List<ParamSpec> specs) {
        Map<String, ParameterSpace<?>> spaces = new LinkedHashMap<>();
        specs.forEach(spec -> spaces.put(spec.key(), leaf(spec)));
        return new SweepSpace(spaces);
    }

    /**
     * One leaf: Arbiter maps a unit value u through the inverse CDF of the space's distribution, so a log scale is a
     * continuous space over a log-uniform distribution (u = 0, 0.5, 1 give min, sqrt(min*max), max).
     */
    public static ParameterSpace<?> leaf(ParamSpec spec) {
        if (spec instanceof ParamSpec.Continuous c) {
            return c.log() ? new ContinuousParameterSpace(new LogUniformDistribution(c.min(), c.max()))
                    : new ContinuousParameterSpace(c.min(), c.max());
        }
        if (spec instanceof ParamSpec.Integer i) {
            return new IntegerParameterSpace(i.min(), i.max());
        }
        return new DiscreteParameterSpace<>(((ParamSpec.Categorical) spec).values());
    }
}
