package org.attnlab.experiments.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.attnlab.experiments.store.MetricRow;
import org.junit.jupiter.api.Test;

/** The rule that picks the tested weights: the lowest validation loss, the earliest on ties; files kept meanwhile. */
class TestCheckpointTest {
    private static TrainingState after(double... valLosses) {
        TrainingState s = TrainingState.fresh();
        for (int i = 0; i < valLosses.length; i++) {
            long step = 10L * (i + 1);
            s = s.after(new MetricRow(step, 0, 0, valLosses[i], 0, 0, 0, 0), 0, "checkpoint-" + step + ".sd", 0);
        }
        return s;
    }

    @Test
    void picksTheLowestValidationLossAndTheEarliestOnTies() {
        TrainingState s = after(0.9, 0.5, 0.6, 0.5, 0.7);
        TestCheckpoint c = TestCheckpoint.of(s, 50);
        assertEquals(20, c.step());
        assertEquals(50, c.lastStep());
        assertEquals("checkpoint-20.sd", s.bestCheckpoint());
        assertEquals(List.of("checkpoint-50.sd", "checkpoint-20.sd"), s.files());
    }

    @Test
    void lastStepWhenTheLossFellThroughout() {
        assertEquals(40, TestCheckpoint.of(after(0.9, 0.5, 0.4, 0.3), 40).step());
        assertEquals(List.of("checkpoint-40.sd"), after(0.9, 0.5, 0.4, 0.3).files());
    }

    @Test
    void finalWeightsWithoutValidation() {
        TestCheckpoint c = TestCheckpoint.of(TrainingState.fresh(), 7);
        assertEquals(7, c.step());
        assertEquals(TestCheckpoint.FINAL, c.rule());
    }

    @Test
    void obsoleteCheckpointsAreTheOnesNoLongerLatestOrBest() {
        TrainingState before = after(0.9, 0.5, 0.6);                     // keeps 30 (latest) and 20 (best)
        TrainingState next = before.after(new MetricRow(40, 0, 0, 0.4, 0, 0, 0, 0), 0, "checkpoint-40.sd", 0);
        assertEquals(List.of("checkpoint-30.sd", "checkpoint-20.sd"), next.obsolete(before));
        TrainingState worse = before.after(new MetricRow(40, 0, 0, 0.8, 0, 0, 0, 0), 0, "checkpoint-40.sd", 0);
        assertEquals(List.of("checkpoint-30.sd"), worse.obsolete(before));
    }
}
