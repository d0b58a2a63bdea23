package org.attnlab.experiments.run;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.attnlab.experiments.store.MetricRow;

/**
 * What a resumed run needs besides the checkpointed graph ({@code state.json}).
 *
 * @param step         optimizer steps done
 * @param seconds      training wall time so far
 * @param tokens       training tokens seen so far
 * @param bestValLoss  best validation loss so far
 * @param badEvals     validations since the best one
 * @param checkpoint   file name of the checkpoint holding the graph after {@code step} steps (empty before the first)
 * @param rows         validation points so far
 * @param dropoutDraws position of the dropout mask stream (draws made), so a resumed run continues it
 * @param bestStep     step of the best validation so far: the lowest validation loss, the earliest on ties (0 before
 *                     the first)
 * @param bestCheckpoint file name of the checkpoint saved at {@code bestStep} (kept until the run ends)
 */
record TrainingState(long step, double seconds, long tokens, double bestValLoss, int badEvals, String checkpoint,
                     List<MetricRow> rows, long dropoutDraws, long bestStep, String bestCheckpoint) {

    static TrainingState fresh() {
        return new TrainingState(0, 0, 0, Double.MAX_VALUE, 0, "", List.of(), 0, 0, "");
    }

    /**
     * The state after a validation {@code row} reached with {@code tokensSeen} tokens and {@code draws} dropout mask
     * draws, saved in {@code file}.
     */
    TrainingState after(MetricRow row, long tokensSeen, String file, long draws) {
        List<MetricRow> all = new ArrayList<>(rows);
        all.add(row);
        boolean better = row.valLoss() < bestValLoss;
        return new TrainingState(row.step(), row.seconds(), tokensSeen, better ? row.valLoss() : bestValLoss,
                better ? 0 : badEvals + 1, file, List.copyOf(all), draws, better ? row.step() : bestStep,
                better ? file : bestCheckpoint);
    }

    /** The checkpoint files this state keeps: the latest and the best (once when they are the same). */
    List<String> files() {
        return Stream.of(checkpoint, bestCheckpoint).filter(f -> f != null && !f.isEmpty()).distinct().toList();
    }

    /** Checkpoint files {@code before} kept that this state no longer needs. */
    List<String> obsolete(TrainingState before) {
        return before.files().stream().filter(f -> !files().contains(f)).toList();
    }

    /** True when early stopping with {@code patience} (0 = off) says to stop. */
    boolean patienceExhausted(int patience) {
        return patience > 0 && badEvals >= patience;
    }
}
