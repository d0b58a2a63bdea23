package org.attnlab.experiments.run;

import java.util.ArrayList;
import java.util.List;
import org.attnlab.datasets.iter.BatchOptions;
import org.attnlab.datasets.synthetic.SyntheticTask;
import org.attnlab.experiments.config.DatasetConfig;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

/** Train, validation and test data of a synthetic task, each split from its own seed stream. */
final class SyntheticSplits {
    private static final int EVAL_BATCH = 256;
    private final DatasetConfig cfg;
    private final long seed;

    SyntheticSplits(DatasetConfig cfg, long seed) {
        this.cfg = cfg;
        this.seed = seed;
    }

    /** A shuffling iterator over the training set. */
    DataSetIterator train(int batchSize) {
        return task().iterator(cfg.trainExamples(), cfg.seqLen(), cfg.vocab(), seed, BatchOptions.of(batchSize, seed));
    }

    /** Validation batches. */
    List<DataSet> validation() {
        return fixed(cfg.valExamples(), seed + 1_000_003L);
    }

    /** Test batches. */
    List<DataSet> test() {
        return fixed(cfg.testExamples(), seed + 2_000_003L);
    }

    private List<DataSet> fixed(int n, long splitSeed) {
        DataSetIterator it = task().iterator(n, cfg.seqLen(), cfg.vocab(), splitSeed,
                BatchOptions.of(EVAL_BATCH, splitSeed).withShuffle(false));
        List<DataSet> out = new ArrayList<>();
        while (it.hasNext()) {
            out.add(it.next());
        }
        return out;
    }

    private SyntheticTask task() {
        return cfg.syntheticTask();
    }
}
