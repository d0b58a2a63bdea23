package org.attnlab.sweeps;

import org.attnlab.sweeps.objective.BaseExperiment;
import org.attnlab.sweeps.objective.IntermediateReporter;
import org.attnlab.sweeps.objective.TrialContext;
import org.attnlab.sweeps.objective.TrialObjective;
import org.attnlab.sweeps.objective.TrialObjectiveFactory;
import org.attnlab.sweeps.objective.TrialResult;

import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/** Cheap analytic objectives for tests, registered in META-INF/services. */
public final class TestObjectives {

    /** Seeds of every trial the quadratic objectives ran, in call order. */
    public static final Queue<Long> CALLS = new ConcurrentLinkedQueue<>();

    private TestObjectives() {
    }

    /** loss = (log10 lr + 3)^2 + (heads - 4)^2 / 10 + 0.5 if score is "additive" + seeded noise; 5-step curve. */
    static double loss(Map<String, Object> p, long seed) {
        double lr = ((Number) p.getOrDefault("training.lr", 1e-3)).doubleValue();
        int heads = ((Number) p.getOrDefault("model.heads", 4)).intValue();
        double extra = "additive".equals(p.get("model.score")) ? 0.5 : 0;
        double d = Math.log10(lr) + 3;
        return d * d + (heads - 4) * (heads - 4) / 10.0 + extra + 0.001 * new Random(seed).nextGaussian();
    }

    static TrialResult curve(double loss, IntermediateReporter reporter) {
        for (int step = 1; step <= 5; step++) {
            if (reporter.report(step, loss + 1.0 / step)) {
                return TrialResult.of("loss", loss + 1.0 / step);
            }
        }
        return new TrialResult(Map.of("loss", loss, "accuracy", 1 / (1 + loss)));
    }

    /** A noisy quadratic in lr and heads. */
    public static final class Quadratic implements TrialObjectiveFactory {
        @Override
        public String name() {
            return "test-quadratic";
        }

        @Override
        public TrialObjective create(BaseExperiment base, TrialContext context) {
            return (trial, params, seed, reporter) -> {
                CALLS.add(seed);
                return curve(loss(params, seed), reporter);
            };
        }
    }

    /** The quadratic, but heads = 2 throws and heads = 3 gives NaN. */
    public static final class Flaky implements TrialObjectiveFactory {
        @Override
        public String name() {
            return "test-flaky";
        }

        @Override
        public TrialObjective create(BaseExperiment base, TrialContext context) {
            return (trial, params, seed, reporter) -> {
                int heads = ((Number) params.get("model.heads")).intValue();
                if (heads == 2) {
                    throw new IllegalStateException("boom at heads=2");
                }
                return heads == 3 ? TrialResult.of("loss", Double.NaN) : curve(loss(params, seed), reporter);
            };
        }
    }

    /** The quadratic after a pause of 300 ms, recording the most trials running at one moment. */
    public static final class Concurrent implements TrialObjectiveFactory {
        private static final AtomicInteger RUNNING = new AtomicInteger();
        public static final AtomicInteger MOST_AT_ONCE = new AtomicInteger();

        @Override
        public String name() {
            return "test-concurrent";
        }

        @Override
        public TrialObjective create(BaseExperiment base, TrialContext context) {
            return (trial, params, seed, reporter) -> {
                MOST_AT_ONCE.accumulateAndGet(RUNNING.incrementAndGet(), Math::max);
                try {
                    Thread.sleep(300);
                    return curve(loss(params, seed), reporter);
                } finally {
                    RUNNING.decrementAndGet();
                }
            };
        }
    }
}
