package org.attnlab.bench.profile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.attnlab.experiments.run.TrainingSteps;
import org.nd4j.autodiff.listeners.Listener;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * Op executions per training step by op type ({@code matmul}, {@code reshape}, {@code reshape_bp}, ...), forward and
 * backward, counted by a listener on the training path ({@link TrainingSteps#step}). Counts only: they do not
 * depend on the machine's load, unlike a step's time.
 *
 * @param label what was counted, e.g. "quickstart/dot, single run"
 * @param byType executions per step by op type, most frequent first
 */
public record OpCounts(String label, Map<String, Double> byType) {
    /** Counts {@code steps} training steps of {@code run} after {@code warmup} uncounted ones. */
    public static OpCounts of(String label, TrainingSteps run, int warmup, int steps) {
        if (warmup < 1 || steps < 1) {
            throw new IllegalArgumentException("warm-up and steps must be >= 1, were " + warmup + ", " + steps);
        }
        for (int i = 0; i < warmup; i++) {
            run.step(run.nextBatch());
        }
        SameDiff sd = run.model().sd();
        List<Listener> before = new ArrayList<>(sd.getListeners());
        OpTimer timer = new OpTimer();
        sd.addListeners(timer);
        try {
            for (int i = 0; i < steps; i++) {
                run.step(run.nextBatch());
            }
        } finally {
            sd.setListeners(before);
        }
        List<OpTimer.OpStats> stats = new ArrayList<>(timer.byType().values());
        stats.sort(Comparator.comparingLong((OpTimer.OpStats s) -> s.count).reversed()
                .thenComparing(s -> s.type));
        Map<String, Double> byType = new LinkedHashMap<>();
        stats.forEach(s -> byType.put(s.type, (double) s.count / steps));
        return new OpCounts(label, byType);
    }

    /** Op executions per step, all types together. */
    public double total() {
        return byType.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    /** A Markdown table: one row per op type with its executions per step, the total first. */
    public String table() {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%s: %.1f op executions per training step"
                + " (%d op types)%n%n| op type | executions per step |%n| --- | --- |%n", label, total(),
                byType.size()));
        byType.forEach((type, n) -> b.append(String.format(Locale.ROOT, "| %s | %s |%n", type, format(n))));
        return b.toString();
    }

    private static String format(double n) {
        return n == Math.rint(n) ? Long.toString((long) n) : String.format(Locale.ROOT, "%.2f", n);
    }
}
