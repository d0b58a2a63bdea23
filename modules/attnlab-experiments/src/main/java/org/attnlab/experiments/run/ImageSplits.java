package org.attnlab.experiments.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.attnlab.datasets.fetch.DatasetStore;
import org.attnlab.datasets.idx.FashionMnist;
import org.attnlab.datasets.idx.IdxFile;
import org.attnlab.datasets.idx.ImageSet;
import org.attnlab.datasets.iter.BatchOptions;
import org.attnlab.experiments.config.DatasetConfig;
import org.attnlab.experiments.kinds.TaskShape;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.dataset.api.iterator.MultiDataSetIterator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fashion-MNIST (from the dataset cache, or IDX files in {@code images_dir}): validation images carved from the
 * training file by one fixed permutation (seed 42, the same for every run), training images the next ones of that
 * permutation, test images the first ones of the test file. The run's seed shuffles the training batches. Raw batches
 * are features {@code [B, 1, S, S]} (0..1) and one-hot labels {@code [B, classes]}.
 */
final class ImageSplits implements DataSource {
    private static final Logger LOG = LoggerFactory.getLogger(ImageSplits.class);
    private static final int EVAL_BATCH = 256;
    private static final long SPLIT_SEED = 42;
    private static final Map<String, ImageSet[]> FILES = new ConcurrentHashMap<>();
    private final long seed;
    private final ImageSet train;
    private final ImageSet validation;
    private final ImageSet test;

    ImageSplits(DatasetConfig cfg, long seed) {
        this.seed = seed;
        ImageSet[] files = FILES.computeIfAbsent(cfg.imagesDir(), ImageSplits::load);
        int available = files[0].count();
        if (cfg.valExamples() + cfg.trainExamples() > available) {
            throw new IllegalArgumentException("dataset: train_examples + val_examples = "
                    + (cfg.trainExamples() + cfg.valExamples()) + " exceeds the " + available + " training images");
        }
        List<Integer> order = IntStream.range(0, available).boxed().collect(java.util.stream.Collectors.toList());
        Collections.shuffle(order, new Random(SPLIT_SEED));
        this.validation = subset(files[0], order.subList(0, cfg.valExamples()));
        this.train = subset(files[0], order.subList(cfg.valExamples(), cfg.valExamples() + cfg.trainExamples()));
        int nTest = Math.min(cfg.testExamples(), files[1].count());
        this.test = subset(files[1], IntStream.range(0, nTest).boxed().toList());
    }

    private static ImageSet[] load(String dir) {
        try {
            if (dir.isEmpty()) {
                DatasetStore store = DatasetStore.open(null, LOG::info);
                return new ImageSet[]{FashionMnist.train(store), FashionMnist.test(store)};
            }
            Path p = Path.of(dir);
            return new ImageSet[]{FashionMnist.load(p, "train"), FashionMnist.load(p, "t10k")};
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The images {@code indices} of {@code set}, in that order. */
    static ImageSet subset(ImageSet set, List<Integer> indices) {
        int size = set.images().itemSize();
        byte[] pixels = new byte[indices.size() * size];
        byte[] labels = new byte[indices.size()];
        for (int i = 0; i < indices.size(); i++) {
            int j = indices.get(i);
            System.arraycopy(set.images().data(), j * size, pixels, i * size, size);
            labels[i] = set.labels().data()[j];
        }
        int[] dims = set.images().dims().clone();
        dims[0] = indices.size();
        return new ImageSet(new IdxFile(dims, pixels), new IdxFile(new int[]{indices.size()}, labels),
                set.numClasses());
    }

    @Override
    public TaskShape shape() {
        return TaskShape.images(train.images().dims()[1], train.numClasses());
    }

    @Override
    public MultiDataSetIterator train(int batchSize) {
        return train.iterator(BatchOptions.of(batchSize, seed)).asMultiDataSets();
    }

    @Override
    public long trainExamples() {
        return train.count();
    }

    @Override
    public List<MultiDataSet> validation() {
        return fixed(validation);
    }

    @Override
    public List<MultiDataSet> test() {
        return fixed(test);
    }

    /** A class name. */
    @Override
    public String sourceToken(int id) {
        return id < FashionMnist.CLASS_NAMES.size() ? FashionMnist.CLASS_NAMES.get(id) : Integer.toString(id);
    }

    @Override
    public String targetToken(int id) {
        return sourceToken(id);
    }

    @Override
    public boolean reportsBleu() {
        return false;
    }

    private static List<MultiDataSet> fixed(ImageSet set) {
        DataSetIterator it = set.iterator(BatchOptions.of(EVAL_BATCH, SPLIT_SEED).withShuffle(false));
        List<MultiDataSet> out = new ArrayList<>();
        while (it.hasNext()) {
            DataSet d = it.next();
            out.add(new org.nd4j.linalg.dataset.MultiDataSet(d.getFeatures(), d.getLabels()));
        }
        return out;
    }
}
