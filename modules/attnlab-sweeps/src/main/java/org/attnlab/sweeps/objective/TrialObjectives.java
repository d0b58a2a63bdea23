package org.attnlab.sweeps.objective;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import org.attnlab.config.Excerpt;

/** Looks up trial objective factories by name among those registered with {@link ServiceLoader}. */
public final class TrialObjectives {

    private TrialObjectives() {
    }

    /** Creates the objective called {@code name} for {@code base} in {@code context}; fails listing the known names. */
    public static TrialObjective create(String name, BaseExperiment base, TrialContext context) {
        return factory(name).create(base, context);
    }

    /** The factory called {@code name}; fails listing the known names. */
    public static TrialObjectiveFactory factory(String name) {
        List<String> known = new ArrayList<>();
        for (TrialObjectiveFactory factory : ServiceLoader.load(TrialObjectiveFactory.class)) {
            if (factory.name().equals(name)) {
                return factory;
            }
            known.add(factory.name());
        }
        throw new IllegalArgumentException("no trial objective named '" + name + "' is registered (known: "
                + String.join(", ", known) + ")");
    }

    /**
     * Fails, listing the known names, unless an objective called {@code name} is registered and (when it declares its
     * metrics) reports {@code metric}.
     */
    public static void require(String name, String metric) {
        Set<String> metrics = factory(name).metrics();
        if (!metrics.isEmpty() && !metrics.contains(metric)) {
            throw new IllegalArgumentException("objective.metric: '" + Excerpt.of(metric) + "' is not reported by "
                    + "objective " + name + " (it reports: " + String.join(", ", new TreeSet<>(metrics)) + ")");
        }
    }
}
