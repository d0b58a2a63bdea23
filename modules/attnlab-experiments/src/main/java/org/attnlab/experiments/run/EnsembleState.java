package org.attnlab.experiments.run;

import java.util.List;

/**
 * What a resumed ensemble needs besides its checkpointed graph ({@code state.json} in the ensemble's folder), written
 * atomically in one file so that the members' states never disagree with the graph.
 *
 * @param step         optimizer steps the ensemble has taken
 * @param checkpoint   file name of the ensemble graph (every member, updater state) after {@code step} steps
 * @param dropoutDraws position of the members' dropout mask streams
 * @param members      each member's state, in member order
 */
record EnsembleState(long step, String checkpoint, long dropoutDraws, List<Member> members) {

    /**
     * One member.
     *
     * @param runId   the member's run
     * @param state   its own training state (metric rows, best checkpoint, early-stopping count)
     * @param stopped step at which it stopped training (early stopping or a diverged loss), 0 while it trains
     * @param failure why it failed, or empty
     */
    record Member(String runId, TrainingState state, long stopped, String failure) {
        boolean training() {
            return stopped == 0;
        }
    }
}
