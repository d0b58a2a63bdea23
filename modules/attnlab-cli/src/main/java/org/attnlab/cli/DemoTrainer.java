package org.attnlab.cli;

import java.util.Map;
import java.util.SplittableRandom;
import org.attnlab.models.tasks.SequenceTagger;
import org.attnlab.models.tasks.SequenceTaggerConfig;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.TrainingConfig;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.learning.config.Adam;

/** Trains one {@link SequenceTagger} on the reverse task and scores it on a held-out batch. */
final class DemoTrainer {
    /** Outcome of one training run. */
    record Result(String score, double accuracy, double sequenceAccuracy, double loss, double seconds) {
    }

    private final SequenceTaggerConfig cfg;
    private final ReverseTask task;
    private final int batch;
    private final int steps;
    private final long seed;

    DemoTrainer(SequenceTaggerConfig cfg, ReverseTask task, int batch, int steps, long seed) {
        this.cfg = cfg;
        this.task = task;
        this.batch = batch;
        this.steps = steps;
        this.seed = seed;
    }

    Result train() {
        long start = System.nanoTime();
        SameDiff sd = SequenceTagger.build(cfg, seed);
        sd.setTrainingConfig(TrainingConfig.builder()
                .updater(new Adam(3e-3))
                .dataSetFeatureMapping(SequenceTagger.TOKENS)
                .dataSetLabelMapping(SequenceTagger.LABELS)
                .build());
        SplittableRandom trainRnd = new SplittableRandom(seed);
        for (int step = 0; step < steps; step++) {
            sd.fit(task.batch(batch, trainRnd));
        }
        DataSet test = task.batch(512, new SplittableRandom(seed + 1));
        Map<String, INDArray> out = sd.output(Map.of(SequenceTagger.TOKENS, test.getFeatures(),
                SequenceTagger.LABELS, test.getLabels()), SequenceTagger.PROBS, SequenceTagger.LOSS);
        INDArray predicted = out.get(SequenceTagger.PROBS).argMax(2);
        INDArray truth = test.getLabels().argMax(2);
        INDArray correct = predicted.eq(truth).castTo(org.nd4j.linalg.api.buffer.DataType.DOUBLE);
        double tokenAcc = correct.meanNumber().doubleValue();
        double seqAcc = correct.min(1).meanNumber().doubleValue();
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Result(cfg.attention().score().configName(), tokenAcc, seqAcc,
                out.get(SequenceTagger.LOSS).getDouble(0), seconds);
    }
}
