package org.attnlab.sweeps.objective;

import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * DEMONSTRATION ONLY, trains nothing: an analytic "loss" over every numeric parameter,
 * {@code sum (log10 x - log10 target)^2} with target 1e-3 for keys ending in "lr" and 4 otherwise, plus seeded noise,
 * reported as metric {@code loss} over 10 fake steps, each lasting {@code demo.step_ms} of the base document (default 0)
 * so that killing and resuming a sweep can be tried by hand. Lets a sweep file run before the experiments objective exists.
 */
public final class DemoQuadraticObjective implements TrialObjective, TrialObjectiveFactory {

    static final String METRIC = "loss";
    private static final int STEPS = 10;
    private final long stepMillis;

    /** The factory registered as {@code demo-quadratic}. */
    public DemoQuadraticObjective() {
        this(0);
    }

    private DemoQuadraticObjective(long stepMillis) {
        this.stepMillis = stepMillis;
    }

    @Override
    public Set<String> metrics() {
        return Set.of(METRIC);
    }

    @Override
    public String name() {
        return "demo-quadratic";
    }

    @Override
    public TrialObjective create(BaseExperiment base, TrialContext context) {
        return new DemoQuadraticObjective(base.document().path("demo").path("step_ms").asLong(0));
    }

    @Override
    public TrialResult run(int trial, Map<String, Object> params, long seed, IntermediateReporter reporter)
            throws InterruptedException {
        double distance = 0;
        for (Map.Entry<String, Object> e : params.entrySet()) {
            if (e.getValue() instanceof Number n && n.doubleValue() > 0) {
                double target = e.getKey().endsWith("lr") ? 1e-3 : 4;
                double d = Math.log10(n.doubleValue()) - Math.log10(target);
                distance += d * d;
            }
        }
        Random noise = new Random(seed);
        double loss = distance;
        for (int step = 1; step <= STEPS; step++) {
            Thread.sleep(stepMillis);
            loss = distance + 1.0 / step + 0.01 * noise.nextGaussian();
            if (reporter.report(step, loss)) {
                break;
            }
        }
        return TrialResult.of(METRIC, loss);
    }
}
