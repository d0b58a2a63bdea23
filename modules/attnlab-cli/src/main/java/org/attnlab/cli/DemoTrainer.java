package org.attnlab.cli;

import java.util.Map;
import org.attnlab.datasets.iter.BatchOptions;
import org.attnlab.datasets.synthetic.SyntheticTask;
import org.attnlab.models.tasks.SequenceTagger;
import org.attnlab.models.tasks.SequenceTaggerConfig;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.TrainingConfig;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.DataSet;
import org.nd4j.linalg.learning.config.Adam;

/** Trains one {@link SequenceTagger} on a synthetic task and scores it on held-out examples. */
final class DemoTrainer {
    /** Outcome of one training run. */
    record Result(String score, double accuracy, double sequenceAccuracy, double loss, double seconds) {
    }

    private static final int TEST_EXAMPLES = 512;

    private final SequenceTaggerConfig cfg;
    private final SyntheticTask task;
    private final int batch;
    private final int steps;
    private final long seed;

    DemoTrainer(SequenceTaggerConfig cfg, SyntheticTask task, int batch, int steps, long seed) {
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
        sd.fit(task.iterator(steps * batch, cfg.maxLen(), cfg.vocab(), seed, BatchOptions.of(batch, seed)), 1);
        DataSet test = task.iterator(TEST_EXAMPLES, cfg.maxLen(), cfg.vocab(), seed + 1,
                BatchOptions.of(TEST_EXAMPLES, seed)).next();
        Map<String, INDArray> out = sd.output(Map.of(SequenceTagger.TOKENS, test.getFeatures(),
                SequenceTagger.LABELS, test.getLabels()), SequenceTagger.PROBS, SequenceTagger.LOSS);
        INDArray mask = test.getLabelsMaskArray().castTo(DataType.DOUBLE);
        INDArray hit = out.get(SequenceTagger.PROBS).argMax(2).eq(test.getLabels().argMax(2)).castTo(DataType.DOUBLE);
        double tokenAcc = hit.mul(mask).sumNumber().doubleValue() / mask.sumNumber().doubleValue();
        // a sequence is right when every labelled position is: min over time of (hit or unlabelled)
        double seqAcc = hit.add(mask.rsub(1.0)).min(1).meanNumber().doubleValue();
        return new Result(cfg.attention().score().configName(), tokenAcc, seqAcc,
                out.get(SequenceTagger.LOSS).getDouble(0), (System.nanoTime() - start) / 1e9);
    }
}
