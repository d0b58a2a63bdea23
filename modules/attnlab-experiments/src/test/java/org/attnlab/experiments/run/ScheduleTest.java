package org.attnlab.experiments.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.attnlab.experiments.config.DatasetConfig;
import org.attnlab.experiments.config.TrainingSettings;
import org.junit.jupiter.api.Test;

/** Steps or epochs, and when validations happen. */
class ScheduleTest {
    private static final DatasetConfig DATA = new DatasetConfig("reverse", 8, 10, 100, 10, 10);

    @Test
    void epochsValidateOncePerEpochByDefault() {
        Schedule s = Schedule.of(new TrainingSettings("adam", 0.01, 0, "none", 32, 0, 3, 0, 0, 0, 10, 1), DATA);
        assertEquals(new Schedule(12, 4, 4), s);                    // ceil(100 / 32) = 4 batches per epoch
        assertTrue(s.validatesAfter(4));
        assertFalse(s.validatesAfter(5));
    }

    @Test
    void stepsValidateEveryNAndAtTheEnd() {
        Schedule s = Schedule.of(new TrainingSettings("sgd", 0.01, 0, "none", 32, 25, 0, 10, 0, 0, 10, 1), DATA);
        assertEquals(25, s.totalSteps());
        assertTrue(s.validatesAfter(20));
        assertTrue(s.validatesAfter(25));
        assertFalse(s.validatesAfter(21));
    }
}
