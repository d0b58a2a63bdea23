package org.attnlab.sweeps.run;

import org.attnlab.sweeps.config.Direction;
import org.attnlab.sweeps.store.TrialOutcome;
import org.attnlab.sweeps.store.TrialRecord;
import org.attnlab.sweeps.store.TrialState;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** One plain line per finished trial: counts by state, the trial's score and the best so far. */
public final class ProgressLog {

    private final Direction direction;
    private final String total;
    private final Consumer<String> out;
    private final Map<TrialState, Integer> counts = new EnumMap<>(TrialState.class);
    private Double best;
    private int bestIndex = -1;

    /** {@code maxTrials} may be null (time budget only); {@code stored} seeds the counts and best on resume. */
    public ProgressLog(Direction direction, Integer maxTrials, List<TrialRecord> stored, Consumer<String> out) {
        this.direction = direction;
        this.total = maxTrials == null ? "?" : String.valueOf(maxTrials);
        this.out = out;
        stored.stream().filter(r -> r.state().finished())
                .forEach(r -> count(r.index(), r.state(), r.score()));
    }

    /** Logs the end of one trial. */
    public synchronized void finished(TrialSpec spec, TrialOutcome outcome) {
        count(spec.index(), outcome.state(), outcome.score());
        int finished = counts.values().stream().mapToInt(Integer::intValue).sum();
        out.accept(String.format("[%s/%s] trial %d %s%s | best %s | done %d, pruned %d, failed %d",
                finished, total, spec.index(), outcome.state().dbName(),
                outcome.score() == null ? "" : " score=" + outcome.score(),
                best == null ? "-" : best + " (trial " + bestIndex + ")",
                counts.getOrDefault(TrialState.DONE, 0), counts.getOrDefault(TrialState.PRUNED, 0),
                counts.getOrDefault(TrialState.FAILED, 0))
                + (outcome.reason() == null ? "" : " | " + outcome.reason()));
    }

    private void count(int index, TrialState state, Double score) {
        counts.merge(state, 1, Integer::sum);
        if (state == TrialState.DONE && score != null && (best == null || direction.better(score, best))) {
            best = score;
            bestIndex = index;
        }
    }
}
