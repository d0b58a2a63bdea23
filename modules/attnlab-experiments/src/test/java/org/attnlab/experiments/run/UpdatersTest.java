package org.attnlab.experiments.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.attnlab.experiments.config.TrainingSettings;
import org.attnlab.models.support.ConfigValueException;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.learning.config.IUpdater;

/** The learning rate per iteration: warm-up, then constant or cosine decay, as the updater applies it. */
class UpdatersTest {
    private static TrainingSettings settings(int warmup, String decay, int steps, int epochs) {
        return new TrainingSettings("adam", 0.01, warmup, decay, 32, steps, epochs, 0, 0, 0, 10, 1);
    }

    @Test
    void cosineDecayAfterWarmUpMatchesHandValues() {
        IUpdater adam = Updaters.of(settings(2, "cosine", 6, 0));
        // warm-up 0.01 * (i + 1) / 2, then 0.01 * (1 + cos(pi * (i - 2) / 4)) / 2
        double[] expected = {0.005, 0.01, 0.01, 0.00853553390593, 0.005, 0.00146446609407, 0.0, 0.0};
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], adam.getLearningRate(i, 0), 1e-12, "iteration " + i);
        }
    }

    @Test
    void withoutDecayTheRateHoldsAfterWarmUp() {
        IUpdater adam = Updaters.of(settings(4, "none", 100, 0));
        assertEquals(0.0025, adam.getLearningRate(0, 0), 1e-12);
        assertEquals(0.01, adam.getLearningRate(3, 0), 1e-12);
        assertEquals(0.01, adam.getLearningRate(99, 0), 1e-12);
        assertEquals(0.01, Updaters.of(settings(0, "none", 100, 0)).getLearningRate(50, 0), 1e-12);
    }

    @Test
    void cosineWithoutWarmUpStartsAtThePeak() {
        IUpdater adam = Updaters.of(settings(0, "cosine", 4, 0));
        assertEquals(0.01, adam.getLearningRate(0, 0), 1e-12);
        assertEquals(0.005, adam.getLearningRate(2, 0), 1e-12);
    }

    @Test
    void cosineNeedsStepsBeyondTheWarmUp() {
        ConfigValueException e = assertThrows(ConfigValueException.class, () -> settings(0, "cosine", 0, 3));
        assertTrue(e.getMessage().contains("give steps above warmup_steps"), e.getMessage());
        assertThrows(ConfigValueException.class, () -> settings(10, "cosine", 10, 0));
        assertThrows(ConfigValueException.class, () -> settings(0, "linear", 10, 0));
    }
}
