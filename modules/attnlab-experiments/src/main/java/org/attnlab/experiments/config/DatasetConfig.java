package org.attnlab.experiments.config;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.attnlab.datasets.synthetic.ReorderingTranslation;
import org.attnlab.datasets.synthetic.SyntheticTask;
import org.attnlab.models.support.ConfigChecks;
import org.attnlab.models.support.ConfigValueException;

/**
 * The {@code dataset} section: a synthetic task (no download), a synthetic reordering translation with a known
 * alignment, a translation corpus or Fashion-MNIST images, and split sizes.
 *
 * @param kind           {@code synthetic} (default when left out), {@code reordering}, {@code translation} or
 *                       {@code fashion_mnist}
 * @param task           synthetic: copy, reverse, sort or associative_recall
 * @param seqLen         synthetic: tokens per example; reordering: longest sentence
 * @param vocab          synthetic and reordering: token ids (0 is padding)
 * @param trainExamples  synthetic: training examples; fashion_mnist: training images (at most 60000 - val_examples)
 * @param valExamples    validation examples (translation: at most this many of the validation split;
 *                       fashion_mnist: images carved from the training file, fixed split seed)
 * @param testExamples   test examples (translation: at most this many of the test split; fashion_mnist: the first
 *                       this many of the test file)
 * @param pairsFile      translation: a UTF-8 file of {@code source<TAB>target} lines, or empty for KJV -> RV1909
 * @param maxLength      translation: longest kept sentence in tokens (both sides)
 * @param smallSample    translation: train on only the first N training pairs (0 = all)
 * @param splitFraction  translation: share of the pairs in each of the validation and test splits
 * @param minCount       translation: rarest token kept in a vocabulary
 * @param maxVocab       translation: largest vocabulary per side (0 = no limit)
 * @param imagesDir      fashion_mnist: a folder with {@code train-} and {@code t10k-images/labels-idx*-ubyte.gz}, or
 *                       empty for Fashion-MNIST from the dataset cache (fetched on first use)
 * @param block          reordering: size of the reversed blocks (1 = monotone, {@code >= seq_len} = full reversal);
 *                       see {@link ReorderingTranslation}
 * @param minSeqLen      synthetic and reordering: shortest example (for synthetic: of training and validation);
 *                       lengths are drawn uniformly from {@code [min_seq_len, seq_len]} (default {@code seq_len}: one
 *                       length)
 * @param testLengths    synthetic: {@code [shortest, longest]} test example, e.g. longer than any trained on for
 *                       length generalisation (default {@code [min_seq_len, seq_len]})
 */
public record DatasetConfig(String kind, String task, Integer seqLen, Integer vocab, int trainExamples,
                            int valExamples, int testExamples, String pairsFile, Integer maxLength,
                            Integer smallSample, Double splitFraction, Integer minCount, Integer maxVocab,
                            String imagesDir, Integer block, Integer minSeqLen,
                            List<Integer> testLengths) {
    /** Valid task names. */
    public static final List<String> TASKS = Arrays.stream(SyntheticTask.values())
            .map(t -> t.name().toLowerCase(Locale.ROOT)).toList();
    public static final String SYNTHETIC = "synthetic";
    public static final String TRANSLATION = "translation";
    public static final String FASHION_MNIST = "fashion_mnist";
    public static final String REORDERING = "reordering";
    private static final Set<String> SYNTHETIC_KEYS = Set.of("task", "seq_len", "vocab");
    private static final Set<String> LENGTH_KEYS = Set.of("min_seq_len", "test_lengths");
    private static final List<String> TRANSLATION_KEYS = List.of("pairs_file", "max_length", "small_sample",
            "split_fraction", "min_count", "max_vocab");

    /** Valid kinds. */
    public static final List<String> KINDS = List.of(SYNTHETIC, REORDERING, TRANSLATION, FASHION_MNIST);

    public DatasetConfig {
        kind = ConfigChecks.oneOf("kind", kind == null ? SYNTHETIC : kind, KINDS);
        if (!TRANSLATION.equals(kind)) {
            Object[] values = {pairsFile, maxLength, smallSample, splitFraction, minCount, maxVocab};
            for (int i = 0; i < values.length; i++) {
                if (values[i] != null) {
                    throw new ConfigValueException(TRANSLATION_KEYS.get(i), "only for kind: translation");
                }
            }
        }
        if (!REORDERING.equals(kind) && block != null) {
            throw new ConfigValueException("block", "only for kind: reordering");
        }
        if (!SYNTHETIC.equals(kind) && testLengths != null) {
            throw new ConfigValueException("test_lengths", "only for kind: synthetic");
        }
        if (!SYNTHETIC.equals(kind) && !REORDERING.equals(kind) && minSeqLen != null) {
            throw new ConfigValueException("min_seq_len", "only for kind: synthetic or reordering");
        }
        if (!FASHION_MNIST.equals(kind) && imagesDir != null) {
            throw new ConfigValueException("images_dir", "only for kind: fashion_mnist");
        }
        if (SYNTHETIC.equals(kind)) {
            task = ConfigChecks.oneOf("task", task, TASKS);
            ConfigChecks.atLeast("seq_len", seqLen, 1);
            ConfigChecks.atLeast("vocab", vocab, 3);
            minSeqLen = minSeqLen == null ? seqLen : minSeqLen;
            ConfigChecks.inRange("min_seq_len", minSeqLen, 1, seqLen);
            testLengths = testLengths == null ? List.of(minSeqLen, seqLen) : List.copyOf(testLengths);
            if (testLengths.size() != 2 || testLengths.get(0) < 1 || testLengths.get(1) < testLengths.get(0)) {
                throw new ConfigValueException("test_lengths", "give [shortest, longest] with 1 <= shortest <= "
                        + "longest, was " + testLengths);
            }
            if (task.equals(TASKS.get(SyntheticTask.ASSOCIATIVE_RECALL.ordinal())) && (minSeqLen != seqLen.intValue()
                    || !testLengths.equals(List.of(seqLen, seqLen)))) {
                throw new ConfigValueException(minSeqLen != seqLen.intValue() ? "min_seq_len" : "test_lengths",
                        "associative_recall has one length (seq_len)");
            }
        } else if (REORDERING.equals(kind)) {
            if (task != null) {
                throw new ConfigValueException("task", "only for kind: synthetic (reordering has its own rule: block)");
            }
            ConfigChecks.atLeast("seq_len", seqLen, 1);
            ConfigChecks.atLeast("vocab", vocab, 3);
            minSeqLen = minSeqLen == null ? seqLen : minSeqLen;
            ConfigChecks.inRange("min_seq_len", minSeqLen, 1, seqLen);
            ConfigChecks.atLeast("block", block, 1);
        } else if (FASHION_MNIST.equals(kind)) {
            imagesDir = imagesDir == null ? "" : imagesDir;
            if (task != null || seqLen != null || vocab != null) {
                throw new ConfigValueException(task != null ? "task" : seqLen != null ? "seq_len" : "vocab",
                        "only for kind: synthetic");
            }
        } else {
            pairsFile = pairsFile == null ? "" : pairsFile;
            ConfigChecks.atLeast("max_length", maxLength, 1);
            ConfigChecks.atLeast("small_sample", smallSample, 0);
            ConfigChecks.inOpenClosed("split_fraction", splitFraction, 0, 0.4);
            ConfigChecks.atLeast("min_count", minCount, 1);
            ConfigChecks.atLeast("max_vocab", maxVocab, 0);
        }
        ConfigChecks.atLeast("train_examples", trainExamples, 1);
        ConfigChecks.atLeast("val_examples", valExamples, 1);
        ConfigChecks.atLeast("test_examples", testExamples, 1);
    }

    /** A synthetic task. */
    public DatasetConfig(String task, int seqLen, int vocab, int trainExamples, int valExamples, int testExamples) {
        this(SYNTHETIC, task, seqLen, vocab, trainExamples, valExamples, testExamples, null, null, null, null, null,
                null, null, null, null, null);
    }

    /** Keys that a section of this {@code kind} may leave out (they belong to the other kind). */
    public static Set<String> optionalKeys(String kind) {
        Set<String> both = new java.util.HashSet<>(TRANSLATION_KEYS);
        both.add("kind");
        both.add("images_dir");
        both.addAll(LENGTH_KEYS);
        if (REORDERING.equals(kind)) {
            both.add("task");
        } else {
            both.add("block");
        }
        if (!SYNTHETIC.equals(kind) && !REORDERING.equals(kind)) {
            both.addAll(SYNTHETIC_KEYS);
        }
        return both;
    }

    /** True for a translation corpus. */
    public boolean translation() {
        return TRANSLATION.equals(kind);
    }

    /** True for the synthetic reordering translation, whose true alignment is known. */
    public boolean reordering() {
        return REORDERING.equals(kind);
    }

    /** The reordering translation of a {@code reordering} section. */
    public ReorderingTranslation reorderingTranslation() {
        return new ReorderingTranslation(vocab, minSeqLen, seqLen, block);
    }

    /** True for an image classification set (labels {@code [B, classes]}). */
    public boolean images() {
        return FASHION_MNIST.equals(kind);
    }

    /**
     * Token accuracy of guessing uniformly, the level a model that learned nothing sits at: synthetic tasks
     * 1 / content tokens (associative recall: 1 / value tokens), Fashion-MNIST 1 / 10 classes; NaN for translation,
     * whose open vocabulary has no such level (BLEU 0 is its floor).
     */
    public double chanceAccuracy() {
        if (images()) {
            return 1.0 / 10;
        }
        if (translation()) {
            return Double.NaN;
        }
        int content = vocab - 1;
        return reordering() ? 1.0 / content : syntheticTask() == SyntheticTask.ASSOCIATIVE_RECALL ? 1.0 / (content - 1 - (vocab - 2) / 2)
                : 1.0 / content;
    }

    /** The dataset section of a run's resolved {@code config.yaml}. */
    public static DatasetConfig fromTree(com.fasterxml.jackson.databind.JsonNode node) {
        try {
            return org.attnlab.config.Yaml.mapper().treeToValue(node, DatasetConfig.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("dataset section not readable: " + e.getOriginalMessage(), e);
        }
    }

    /** Synthetic: the longest example of any split (the size a model's position table must cover). */
    public int longestLength() {
        return Math.max(seqLen, testLengths.get(1));
    }

    /** Synthetic: true when examples have several lengths or the test split has other lengths than training. */
    public boolean variableLengths() {
        return minSeqLen != seqLen.intValue() || !testLengths.equals(List.of(minSeqLen, seqLen));
    }

    /** The synthetic task. */
    public SyntheticTask syntheticTask() {
        return SyntheticTask.valueOf(task.toUpperCase(Locale.ROOT));
    }
}
