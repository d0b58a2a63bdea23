package org.attnlab.bench.profile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.attnlab.experiments.run.ReplayedOpTimer;

/**
 * Sums the times of replayed training steps' ops per op type and per op type and shapes, and writes them as Markdown
 * tables.
 */
final class ReplayedOps implements ReplayedOpTimer {
    private final Map<String, OpTimer.OpStats> byType = new HashMap<>();
    private final Map<String, OpTimer.OpStats> byShapes = new HashMap<>();

    @Override
    public void ran(String op, String shapes, long nanos) {
        byType.computeIfAbsent(op, OpTimer.OpStats::new).add(nanos);
        byShapes.computeIfAbsent(op + " " + shapes, OpTimer.OpStats::new).add(nanos);
    }

    /** Milliseconds per step inside ops and updates, over {@code steps} steps. */
    double msPerStep(int steps) {
        return byType.values().stream().mapToLong(s -> s.nanos).sum() / 1e6 / steps;
    }

    /** Ops (and update blocks) timed per step. */
    double countPerStep(int steps) {
        return (double) byType.values().stream().mapToLong(s -> s.count).sum() / steps;
    }

    /** Per op type, then the {@code top} costliest ops by type and shapes, over {@code steps} steps. */
    String tables(int steps, int top) {
        double total = msPerStep(steps);
        StringBuilder b = new StringBuilder("| op type | executions per step | mean us | ms per step | share |\n"
                + "| --- | --- | --- | --- | --- |\n");
        for (OpTimer.OpStats s : sorted(byType)) {
            b.append(row(s, steps, total));
        }
        b.append(String.format(Locale.ROOT, "%nThe %d costliest by shapes (inputs -> outputs):%n%n", top));
        b.append("| op and shapes | executions per step | mean us | ms per step | share |\n"
                + "| --- | --- | --- | --- | --- |\n");
        sorted(byShapes).stream().limit(top).forEach(s -> b.append(row(s, steps, total)));
        return b.toString();
    }

    private static List<OpTimer.OpStats> sorted(Map<String, OpTimer.OpStats> stats) {
        List<OpTimer.OpStats> list = new ArrayList<>(stats.values());
        list.sort(Comparator.comparingLong((OpTimer.OpStats s) -> s.nanos).reversed());
        return list;
    }

    private static String row(OpTimer.OpStats s, int steps, double totalMs) {
        double ms = s.nanos / 1e6 / steps;
        return String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.3f | %.1f%% |%n", s.type, (double) s.count / steps,
                s.nanos / 1e3 / s.count, ms, 100 * ms / totalMs);
    }
}
