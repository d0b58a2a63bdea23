package org.attnlab.experiments.run;

import java.util.ArrayList;
import java.util.List;
import org.attnlab.datasets.iter.BatchOptions;
import org.attnlab.datasets.synthetic.SyntheticTask;
import org.attnlab.experiments.config.DatasetConfig;
import org.attnlab.experiments.kinds.TaskShape;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.dataset.api.iterator.MultiDataSetIterator;

/**
 * Train, validation and test data of a synthetic task, each split from its own seed stream. Training and validation
 * examples have lengths in {@code [min_seq_len, seq_len]}, test examples in {@code test_lengths}; every batch of a
 * split is padded to its longest length.
 */
final class SyntheticSplits implements DataSource {
    /** Batch size of the validation and test batches. */
    static final int EVAL_BATCH = 256;
    private final DatasetConfig cfg;
    private final long seed;

    SyntheticSplits(DatasetConfig cfg, long seed) {
        this.cfg = cfg;
        this.seed = seed;
    }

    @Override
    public TaskShape shape() {
        return new TaskShape(cfg.vocab(), cfg.longestLength());
    }

    @Override
    public MultiDataSetIterator train(int batchSize) {
        return task().iterator(cfg.trainExamples(), cfg.minSeqLen(), cfg.seqLen(),
                cfg.vocab(), seed, BatchOptions.of(batchSize, seed).withReusedArrays(true)).asMultiDataSets();
    }

    @Override
    public long trainExamples() {
        return cfg.trainExamples();
    }

    @Override
    public List<MultiDataSet> validation() {
        return fixed(cfg.valExamples(), cfg.minSeqLen(), cfg.seqLen(), seed + 1_000_003L);
    }

    @Override
    public List<MultiDataSet> test() {
        return fixed(cfg.testExamples(), cfg.testLengths().get(0), cfg.testLengths().get(1), seed + 2_000_003L);
    }

    @Override
    public String sourceToken(int id) {
        return task() == SyntheticTask.ASSOCIATIVE_RECALL && id == SyntheticTask.QUERY ? "?" : Integer.toString(id);
    }

    @Override
    public String targetToken(int id) {
        return id == cfg.vocab() ? "<bos>" : Integer.toString(id);
    }

    @Override
    public boolean reportsBleu() {
        return false;
    }

    private List<MultiDataSet> fixed(int n, int minLen, int maxLen, long splitSeed) {
        return batches(task().iterator(n, minLen, maxLen, cfg.vocab(), splitSeed,
                BatchOptions.of(EVAL_BATCH, splitSeed).withShuffle(false)));
    }

    /** Every batch of {@code it} as a raw batch. */
    static List<MultiDataSet> batches(DataSetIterator it) {
        List<MultiDataSet> out = new ArrayList<>();
        while (it.hasNext()) {
            DataSet d = it.next();
            out.add(new org.nd4j.linalg.dataset.MultiDataSet(d.getFeatures(), d.getLabels(), d.getFeaturesMaskArray(),
                    d.getLabelsMaskArray()));
        }
        return out;
    }

    private SyntheticTask task() {
        return cfg.syntheticTask();
    }
}
