package org.attnlab.experiments.run;

import org.attnlab.experiments.config.TrainingSettings;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.schedule.FixedSchedule;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.linalg.schedule.RampSchedule;

/** The ND4J updater for a training section: optimizer, learning rate and linear warm-up. */
final class Updaters {
    private Updaters() {
    }

    static IUpdater of(TrainingSettings t) {
        ISchedule lr = new FixedSchedule(t.learningRate());
        if (t.warmupSteps() > 0) {
            lr = new RampSchedule(lr, t.warmupSteps());
        }
        return switch (t.optimizer()) {
            case "adam" -> new Adam(lr);
            case "sgd" -> new Sgd(lr);
            default -> throw new IllegalArgumentException("optimizer: " + t.optimizer());
        };
    }
}
