package org.attnlab.experiments.run;

import org.attnlab.experiments.config.DatasetConfig;
import org.attnlab.experiments.config.TrainingSettings;

/**
 * When a run stops and validates, in optimizer steps.
 *
 * @param totalSteps      steps to train
 * @param evalEvery       steps between validations
 * @param batchesPerEpoch steps in one pass over the training set
 */
record Schedule(long totalSteps, long evalEvery, long batchesPerEpoch) {

    static Schedule of(TrainingSettings t, DatasetConfig d) {
        return of(t, d.trainExamples());
    }

    static Schedule of(TrainingSettings t, long trainExamples) {
        long perEpoch = Math.max(1, (trainExamples + t.batchSize() - 1) / t.batchSize());
        long total = t.steps() > 0 ? t.steps() : t.epochs() * perEpoch;
        long every = t.evalEvery() > 0 ? t.evalEvery() : perEpoch;
        return new Schedule(total, Math.min(every, total), perEpoch);
    }

    /** True when step {@code step} (1-based count of steps done) ends with a validation. */
    boolean validatesAfter(long step) {
        return step % evalEvery == 0 || step == totalSteps;
    }
}
