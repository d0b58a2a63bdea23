package org.attnlab.experiments.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.attnlab.experiments.store.MetricRow;
import org.junit.jupiter.api.Test;

/** Steps to a threshold and the area under the validation curve, worked by hand. */
class LearningSpeedTest {
    private static final double[] ACC = {0.5, 0.8, 0.96, 0.97, 0.99};
    private final List<MetricRow> curve = Curves.of(10, 50, s -> 1, s -> ACC[(int) (s / 10) - 1]);

    @Test
    void firstValidatedStepAtOrAboveTheThreshold() {
        assertEquals(30, LearningSpeed.stepsTo(curve, 0.95));
        assertEquals(30, LearningSpeed.stepsTo(curve, 0.96));
        assertEquals(LearningSpeed.NOT_REACHED, LearningSpeed.stepsTo(curve, 0.995));
    }

    @Test
    void areaIsTheTrapezoidMeanBetweenFirstAndLastValidation() {
        // 10 * ((0.5 + 0.8) + (0.8 + 0.96) + (0.96 + 0.97) + (0.97 + 0.99)) / 2 = 34.75, over 40 steps
        assertEquals(34.75 / 40, LearningSpeed.area(curve), 1e-12);
        assertEquals(0.7, LearningSpeed.area(Curves.of(10, 10, s -> 1, s -> 0.7)), 0);
        assertTrue(Double.isNaN(LearningSpeed.area(List.of())));
    }
}
