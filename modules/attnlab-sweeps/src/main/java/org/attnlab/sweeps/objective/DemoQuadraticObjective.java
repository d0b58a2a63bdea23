package org.attnlab.sweeps.objective;

import java.util.Map;
import java.util.Random;

/**
 * DEMONSTRATION ONLY, trains nothing: an analytic "loss" over every numeric parameter,
 * {@code sum (log10 x - log10 target)^2} with target 1e-3 for keys ending in "lr" and 4 otherwise, plus seeded noise,
 * reported as metric {@code loss} over 10 fake steps. Lets a sweep file be tried before the experiments objective exists.
 */
public final class DemoQuadraticObjective implements TrialObjective, TrialObjectiveFactory {

    static final String METRIC = "loss";
    private static final int STEPS = 10;

    @Override
    public String name() {
        return "demo-quadratic";
    }

    @Override
    public TrialObjective create(BaseExperiment base) {
        return this;
    }

    @Override
    public TrialResult run(Map<String, Object> params, long seed, IntermediateReporter reporter) {
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
            loss = distance + 1.0 / step + 0.01 * noise.nextGaussian();
            if (reporter.report(step, loss)) {
                break;
            }
        }
        return TrialResult.of(METRIC, loss);
    }
}
