package org.attnlab.experiments.run;

import java.util.List;
import org.attnlab.experiments.config.DatasetConfig;
import org.attnlab.experiments.model.TaskShape;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.nd4j.linalg.dataset.api.iterator.MultiDataSetIterator;

/** Train, validation and test batches of one run, as raw batches (see {@link org.attnlab.experiments.model.TrainableModel}). */
interface DataSource {
    /** The splits of {@code dataset}, drawn from {@code seed}: a translation corpus, an image set or a synthetic task. */
    static DataSource of(DatasetConfig dataset, long seed) {
        return dataset.translation() ? new TranslationSplits(dataset, seed)
                : dataset.images() ? new ImageSplits(dataset, seed)
                : new SyntheticSplits(dataset, seed);
    }

    /** Vocabulary sizes, lengths and begin-of-sequence id. */
    TaskShape shape();

    /** A shuffling iterator over the training set. */
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
}
