package org.attnlab.sweeps.objective;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.attnlab.config.Trees;

import java.util.Map;
import java.util.Set;

/**
 * Makes the trial objective named in a sweep file ({@code objective.function}); registered through
 * {@code META-INF/services/org.attnlab.sweeps.objective.TrialObjectiveFactory}.
 */
public interface TrialObjectiveFactory {

    /** The name sweep files use to pick this objective. */
    String name();

    /**
     * The metrics a trial of this objective reports, so that a sweep's {@code objective.metric} is checked before any
     * trial trains; empty when the objective does not declare them (then the metric is not checked up front).
     */
    default Set<String> metrics() {
        return Set.of();
    }

    /**
     * An objective that runs trials of {@code base} with the sweep's parameters applied; its intermediate reports are
     * of {@code context.metric()} (objectives with a fixed metric may ignore it).
     */
    TrialObjective create(BaseExperiment base, TrialContext context);

    /**
     * The config a trial with {@code params} stands for, to run again on its own ({@code best-config.yaml} of sweep
     * {@code sweep}): by default the base document with the parameters set.
     */
    default ObjectNode runnableConfig(BaseExperiment base, Map<String, Object> params, String sweep) {
        return Trees.withOverrides(base.document(), params);
    }
}
