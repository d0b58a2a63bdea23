package org.attnlab.experiments.run;

import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;
import org.attnlab.datasets.iter.BatchOptions;
import org.attnlab.datasets.synthetic.ReorderingTranslation;
import org.attnlab.experiments.config.DatasetConfig;
import org.attnlab.experiments.kinds.TaskShape;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.nd4j.linalg.dataset.api.iterator.MultiDataSetIterator;

/**
 * Train, validation and test data of the synthetic reordering translation ({@link ReorderingTranslation}), each split
 * from its own seed stream; the true alignment is known, so runs on it score their alignments (AER).
 */
final class ReorderingSplits implements DataSource {
    private final DatasetConfig cfg;
    private final ReorderingTranslation task;
    private final long seed;

    ReorderingSplits(DatasetConfig cfg, long seed) {
        this.cfg = cfg;
        this.task = cfg.reorderingTranslation();
        this.seed = seed;
    }

    @Override
    public TaskShape shape() {
        return new TaskShape(cfg.vocab(), cfg.seqLen() + 1, task.targetVocab(), TaskShape.NO_BOS);
    }

    @Override
    public MultiDataSetIterator train(int batchSize) {
        return task.iterator(cfg.trainExamples(), seed,
                BatchOptions.of(batchSize, seed)).asMultiDataSets();
    }

    @Override
    public long trainExamples() {
        return cfg.trainExamples();
    }

    @Override
    public List<MultiDataSet> validation() {
        return fixed(cfg.valExamples(), seed + 1_000_003L);
    }

    @Override
    public List<MultiDataSet> test() {
        return fixed(cfg.testExamples(), seed + 2_000_003L);
    }

    @Override
    public String sourceToken(int id) {
        return Integer.toString(id);
    }

    @Override
    public String targetToken(int id) {
        return id == task.endOfSentence() ? "<eos>" : id == shape().decoderBos() ? "<bos>" : Integer.toString(id);
    }

    @Override
    public boolean reportsBleu() {
        return true;
    }

    @Override
    public int endOfSentence() {
        return task.endOfSentence();
    }

    @Override
    public Optional<IntFunction<int[]>> trueAlignment() {
        return Optional.of(task::alignment);
    }

    private List<MultiDataSet> fixed(int n, long splitSeed) {
        return SyntheticSplits.batches(task.iterator(n, splitSeed,
                BatchOptions.of(SyntheticSplits.EVAL_BATCH, splitSeed).withShuffle(false)));
    }
}
