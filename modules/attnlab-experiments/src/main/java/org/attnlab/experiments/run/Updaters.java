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
        ISchedule lr = t.warmupSteps() > 0 || t.cosine() ? schedule(t) : new FixedSchedule(t.learningRate());
        IUpdater base = switch (t.optimizer()) {
            case "adam" -> new Adam(lr);
            case "sgd" -> new Sgd(lr);
            default -> throw new IllegalArgumentException("optimizer: " + t.optimizer());
        };
        return t.clipNorm() > 0 ? new ClippedUpdater(base, t.clipNorm()) : base;
    }

    /**
     * The learning rate at iteration {@code i} (0-based): linear warm-up to the peak over {@code warmup_steps}
     * iterations, then the peak, or with cosine decay {@code peak * (1 + cos(pi * (i - w) / (steps - w))) / 2}, which
     * reaches 0 after the last step.
     */
    static double rate(TrainingSettings t, int i) {
        int w = t.warmupSteps();
        if (i < w) {
            return t.learningRate() * (i + 1.0) / w;
        }
        if (!t.cosine()) {
            return t.learningRate();
        }
        double done = Math.min(1.0, (double) (i - w) / (t.steps() - w));
        return t.learningRate() * 0.5 * (1 + Math.cos(Math.PI * done));
    }

    /**
     * {@link #rate} as a {@link MapSchedule} (ND4J M2.1 cannot read a {@code RampSchedule} back from a checkpoint):
     * one entry per iteration of the warm-up, and of the decay when there is one; the last entry holds afterwards.
     */
    private static ISchedule schedule(TrainingSettings t) {
        int last = t.cosine() ? t.steps() : t.warmupSteps();
        MapSchedule.Builder b = new MapSchedule.Builder(ScheduleType.ITERATION);
        for (int i = 0; i <= last; i++) {
            b.add(i, rate(t, i));
        }
        return b.build();
    }
}
