package org.attnlab.bench.cases;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.attnlab.experiments.run.FitSession;

/**
 * A prepared case: the step to time and what one step amounts to.
 *
 * @param step       one step (a training step, or one batch for the data pipeline)
 * @param flops      FLOPs of one step (see {@link org.attnlab.bench.measure.Flops}); NaN where not counted
 * @param tokens     source tokens per step
 * @param parameters trainable parameters (0 for the data pipeline)
 * @param spec       the sizes the step runs at, for the record and for a twin in another framework
 * @param session    the training session a layer case's step runs, whose replayed ops a profile times; null for
 *                   the model cases (profiled through their training steps) and the data pipelines
 */
public record Workload(Runnable step, double flops, long tokens, long parameters, Map<String, String> spec,
                       FitSession session) {
    public Workload {
        spec = Collections.unmodifiableMap(new LinkedHashMap<>(spec));
    }
}
