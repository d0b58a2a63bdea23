package org.attnlab.experiments.run;

import org.attnlab.experiments.config.TrainingSettings;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.schedule.FixedSchedule;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.linalg.schedule.MapSchedule;
import org.nd4j.linalg.schedule.ScheduleType;

/** The ND4J updater for a training section: optimizer, learning rate, linear warm-up and gradient clipping. */
final class Updaters {
    private Updaters() {
    }

    static IUpdater of(TrainingSettings t) {
        ISchedule lr = t.warmupSteps() > 0 ? warmup(t.learningRate(), t.warmupSteps()) : new FixedSchedule(t.learningRate());
        IUpdater base = switch (t.optimizer()) {
            case "adam" -> new Adam(lr);
            case "sgd" -> new Sgd(lr);
            default -> throw new IllegalArgumentException("optimizer: " + t.optimizer());
        };
        return t.clipNorm() > 0 ? new ClippedUpdater(base, t.clipNorm()) : base;
    }

    /**
     * Linear warm-up to {@code peak} over {@code steps} iterations, then constant. A {@link MapSchedule}, because ND4J
     * M2.1 cannot read a {@code RampSchedule} back from a checkpoint.
     */
    private static ISchedule warmup(double peak, int steps) {
        MapSchedule.Builder b = new MapSchedule.Builder(ScheduleType.ITERATION);
        for (int i = 0; i <= steps; i++) {
            b.add(i, peak * Math.min(1.0, (i + 1.0) / steps));
        }
        return b.build();
    }
}
