package org.attnlab.experiments.run;

import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;
import org.attnlab.datasets.text.Vocabulary;
import org.attnlab.experiments.config.DatasetConfig;
import org.attnlab.experiments.kinds.TaskShape;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.nd4j.linalg.dataset.api.iterator.MultiDataSetIterator;

/** Train, validation and test batches of one run, as raw batches (see {@link org.attnlab.experiments.kinds.TrainableModel}). */
interface DataSource {
    /** The data of {@code cfg} for a run with {@code seed} (files are read once per process and shared by runs). */
    static DataSource of(DatasetConfig cfg, long seed) {
        return cfg.translation() ? new TranslationSplits(cfg, seed)
                : cfg.reordering() ? new ReorderingSplits(cfg, seed)
                : cfg.images() ? new ImageSplits(cfg, seed)
                : new SyntheticSplits(cfg, seed);
    }

    /** Vocabulary sizes, lengths and begin-of-sequence id. */
    TaskShape shape();

    /**
     * A shuffling iterator over the training set, for a training stream only: its batches may be written into the
     * previous batch's arrays ({@code BatchOptions.reuseArrays}), so a batch is valid until the next one.
     */
    MultiDataSetIterator train(int batchSize);

    /** Training examples per epoch. */
    long trainExamples();

    /** Validation batches. */
    List<MultiDataSet> validation();

    /** Test batches. */
    List<MultiDataSet> test();

    /** A source token's text (axis labels). */
    String sourceToken(int id);

    /** A target token's text. */
    String targetToken(int id);

    /** True for natural-language data, where test BLEU is reported. */
    boolean reportsBleu();

    /** The id that ends a target sentence (where greedy decodes are cut for BLEU). */
    default int endOfSentence() {
        return Vocabulary.EOS;
    }

    /**
     * For data whose word alignment is known: the function giving, for a sentence of {@code n} tokens, the source
     * position each target position translates ({@code int[n]}); empty otherwise.
     */
    default Optional<IntFunction<int[]>> trueAlignment() {
        return Optional.empty();
    }
}
