package org.attnlab.experiments.config;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.attnlab.datasets.synthetic.SyntheticTask;

/**
 * The {@code dataset} section: a synthetic task (no download) and its sizes.
 *
 * @param task           copy, reverse, sort or associative_recall
 * @param seqLen         tokens per example
 * @param vocab          token ids (0 is padding)
 * @param trainExamples  training examples
 * @param valExamples    validation examples (early stopping, learning curves)
 * @param testExamples   test examples (final metrics)
 */
public record DatasetConfig(String task, int seqLen, int vocab, int trainExamples, int valExamples,
                            int testExamples) {
    /** Valid task names. */
    public static final List<String> TASKS = Arrays.stream(SyntheticTask.values())
            .map(t -> t.name().toLowerCase(Locale.ROOT)).toList();

    public DatasetConfig {
        task = Checks.oneOf("task", task, TASKS);
        Checks.atLeast("seq_len", seqLen, 1);
        Checks.atLeast("vocab", vocab, 3);
        Checks.atLeast("train_examples", trainExamples, 1);
        Checks.atLeast("val_examples", valExamples, 1);
        Checks.atLeast("test_examples", testExamples, 1);
    }

    /** The synthetic task. */
    public SyntheticTask syntheticTask() {
        return SyntheticTask.valueOf(task.toUpperCase(Locale.ROOT));
    }
}
