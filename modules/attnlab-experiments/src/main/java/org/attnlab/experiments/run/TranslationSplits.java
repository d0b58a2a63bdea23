package org.attnlab.experiments.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.attnlab.datasets.fetch.DatasetStore;
import org.attnlab.datasets.io.InputFiles;
import org.attnlab.datasets.iter.BatchOptions;
import org.attnlab.datasets.text.CorpusOptions;
import org.attnlab.datasets.text.SentencePair;
import org.attnlab.datasets.text.Split;
import org.attnlab.datasets.text.TranslationCorpus;
import org.attnlab.datasets.text.Vocabulary;
import org.attnlab.experiments.config.DatasetConfig;
import org.attnlab.experiments.kinds.TaskShape;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.nd4j.linalg.dataset.api.iterator.MultiDataSetIterator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A translation corpus (KJV -> RV1909 through the datasets module, or a {@code source<TAB>target} file): one fixed
 * split (seed 42) for every run; the run's seed shuffles the training batches.
 */
final class TranslationSplits implements DataSource {
    private static final Logger LOG = LoggerFactory.getLogger(TranslationSplits.class);
    private static final int EVAL_BATCH = 64;
    private static final long SPLIT_SEED = 42;
    private static final Map<DatasetConfig, TranslationCorpus> CORPORA = new ConcurrentHashMap<>();
    private final DatasetConfig cfg;
    private final long seed;
    private final TranslationCorpus corpus;

    TranslationSplits(DatasetConfig cfg, long seed) {
        this.cfg = cfg;
        this.seed = seed;
        this.corpus = CORPORA.computeIfAbsent(cfg, TranslationSplits::load);
    }

    private static TranslationCorpus load(DatasetConfig cfg) {
        CorpusOptions options = new CorpusOptions(1, cfg.maxLength(), cfg.splitFraction(), cfg.splitFraction(),
                SPLIT_SEED, cfg.minCount(), cfg.maxVocab());
        try {
            TranslationCorpus c = cfg.pairsFile().isEmpty()
                    ? TranslationCorpus.kjvToRv1909(DatasetStore.open(null, LOG::info), options)
                    : TranslationCorpus.build(pairs(Path.of(cfg.pairsFile())), options);
            LOG.info("translation corpus: {} train / {} valid / {} test pairs, vocabularies {} -> {}",
                    c.splits().train().size(), c.splits().valid().size(), c.splits().test().size(),
                    c.sourceVocabulary().size(), c.targetVocabulary().size());
            if (c.splits().valid().isEmpty() || c.splits().test().isEmpty()) {
                throw new IllegalArgumentException("dataset: the validation or test split is empty; raise "
                        + "split_fraction or max_length");
            }
            return c;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sentence pairs of a UTF-8 file, one {@code source<TAB>target} per line (blank lines skipped). */
    static List<SentencePair> pairs(Path file) throws IOException {
        List<SentencePair> out = new ArrayList<>();
        List<String> lines = InputFiles.readString(file, InputFiles.DATA_LIMIT).lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            String[] parts = line.split("\t", -1);
            if (parts.length != 2) {
                throw new IllegalArgumentException(file + " line " + (i + 1) + ": expected 'source<TAB>target', found "
                        + (parts.length - 1) + " tabs");
            }
            out.add(new SentencePair(parts[0].trim(), parts[1].trim()));
        }
        return out;
    }

    @Override
    public TaskShape shape() {
        return new TaskShape(corpus.sourceVocabulary().size(), cfg.maxLength() + 2, corpus.targetVocabulary().size(),
                Vocabulary.BOS);
    }

    @Override
    public MultiDataSetIterator train(int batchSize) {
        return corpus.iterator(Split.TRAIN, BatchOptions.of(batchSize, seed).withBucketing(true)
                .withSmallSample(cfg.smallSample()));
    }

    @Override
    public long trainExamples() {
        int n = corpus.splits().train().size();
        return cfg.smallSample() > 0 ? Math.min(n, cfg.smallSample()) : n;
    }

    @Override
    public List<MultiDataSet> validation() {
        return fixed(Split.VALID, cfg.valExamples());
    }

    @Override
    public List<MultiDataSet> test() {
        return fixed(Split.TEST, cfg.testExamples());
    }

    @Override
    public String sourceToken(int id) {
        return corpus.sourceVocabulary().token(id);
    }

    @Override
    public String targetToken(int id) {
        return corpus.targetVocabulary().token(id);
    }

    @Override
    public boolean reportsBleu() {
        return true;
    }

    private List<MultiDataSet> fixed(Split split, int max) {
        MultiDataSetIterator it = corpus.iterator(split, BatchOptions.of(EVAL_BATCH, SPLIT_SEED).withShuffle(false)
                .withSmallSample(max));
        List<MultiDataSet> out = new ArrayList<>();
        while (it.hasNext()) {
            out.add(it.next());
        }
        return out;
    }
}
