package org.attnlab.experiments;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A tiny experiment for fast end-to-end tests: 6 steps (with warm-up and clipping) on 4-token reversal, validation every 3. */
public final class TinyExperiment {
    private TinyExperiment() {
    }

    /** Writes {@code tiny.yaml} into {@code dir} with the given {@code variants:} block (YAML, indented by 2). */
    public static Path write(Path dir, String variants) throws IOException {
        Path file = dir.resolve("tiny.yaml");
        Files.writeString(file, """
                name: tiny
                dataset: {task: reverse, seq_len: 4, vocab: 6, train_examples: 64, val_examples: 32, test_examples: 32}
                model: {kind: tagger, d_model: 8, heads: 1, score: dot}
                training: {batch_size: 16, steps: 6, eval_every: 3, warmup_steps: 2, clip_norm: 1.0}
                seeds: [1, 2]
                variants:
                """ + variants);
        return file;
    }

    /**
     * Writes {@code align.yaml} into {@code dir}: a tiny LSTM encoder-decoder on the reordering translation (lengths
     * 3-5, blocks of 2, 40 test sentences), {@code steps} steps with validation every {@code evalEvery}, seed 1, and
     * the given {@code variants:} block.
     */
    public static Path writeReordering(Path dir, int steps, int evalEvery, String variants) throws IOException {
        Path file = dir.resolve("align.yaml");
        Files.writeString(file, """
                name: align
                dataset: {kind: reordering, seq_len: 5, min_seq_len: 3, block: 2, vocab: 8, train_examples: 64,
                          val_examples: 16, test_examples: 40}
                model: {kind: seq2seq, embed: 8, hidden: 8, score: dot}
                training: {batch_size: 16, steps: %d, eval_every: %d}
                seeds: [1]
                variants:
                """.formatted(steps, evalEvery) + variants);
        return file;
    }
}
