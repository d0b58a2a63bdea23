package org.attnlab.cli.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.attnlab.experiments.run.AttentionMaps;
import org.attnlab.experiments.store.ResultsStore;
import org.attnlab.experiments.store.RunSummary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The encoder-decoder kinds end to end, a few steps each: {@code transformer} on a synthetic task and
 * {@code seq2seq} on a small translation corpus read from a fixture file (no network); run, then report with heatmaps.
 */
class EncoderDecoderKindsTest {
    @TempDir
    Path dir;

    @Test
    void transformerOnReversalWritesAttentionMapsAndThePositionalBarcode() throws IOException {
        Path file = dir.resolve("tt.yaml");
        Files.writeString(file, """
                name: tt
                dataset: {task: reverse, seq_len: 5, vocab: 7, train_examples: 64, val_examples: 16, test_examples: 16}
                model: {kind: transformer, layers: 1, d_model: 8, heads: 2, d_ff: 16}
                training: {batch_size: 16, steps: 4, eval_every: 2}
                seeds: [1]
                variants:
                  post: {model: {norm: post}}
                  pre-learned-nores: {model: {norm: pre, positional: learned, residual: false}}
                """);
        Path results = dir.resolve("results");
        assertEquals(0, new CommandLine(new RunCommand()).execute(file.toString(), "--results", results.toString()));
        List<RunSummary> runs = runs(results, "tt");
        assertEquals(2, runs.size());
        for (RunSummary r : runs) {
            assertEquals(RunSummary.COMPLETED, r.status(), r.reason());
            assertTrue(r.testTokenAcc() >= 0 && r.testTokenAcc() <= 1);
            assertTrue(Double.isNaN(r.testBleu()), "no BLEU on synthetic data");
            List<AttentionMaps.Map2d> maps = AttentionMaps.read(results.resolve("tt").resolve(r.runId()));
            assertEquals(4, maps.stream().filter(m -> m.figure() == null).count(),
                    "encoder self + decoder cross, 2 examples each");
            assertEquals(r.variant().equals("post") ? List.of("positional-d8-len5") : List.of(),
                    maps.stream().map(AttentionMaps.Map2d::figure).filter(f -> f != null).toList(),
                    "the position table the kind fixes, saved with the run's maps when sinusoidal");
            assertEquals(5, maps.get(0).values().length);
            assertEquals("<bos>", maps.get(2).rows().get(0), "cross-attention rows are the decoder input");
        }
        assertEquals(0, new CommandLine(new ReportCommand()).execute("tt", "--results", results.toString()));
        Path report = results.resolve("tt").resolve("report");
        assertTrue(Files.size(report.resolve("attention-post-1.png")) > 1000);
        assertTrue(Files.size(report.resolve("attention-pre-learned-nores-4.png")) > 1000);
        assertTrue(Files.size(report.resolve("positional-d8-len5.png")) > 1000, "one barcode: only 'post' is sinusoidal");
        try (var files = Files.list(report)) {
            assertEquals(1, files.filter(p -> p.getFileName().toString().startsWith("positional-")).count());
        }
        assertFalse(Files.readString(report.resolve("report.md")).contains("| BLEU-4"), "no BLEU column without BLEU");
        assertTrue(Files.readString(report.resolve("report.md")).contains("attention-post-1.png"));
    }

    @Test
    void seq2seqOnAFixtureTranslationCorpusReportsBleuAndAlignments() throws IOException {
        Path pairs = dir.resolve("pairs.tsv");
        List<String> lines = new ArrayList<>();
        String[][] words = {{"the", "el"}, {"good", "buen"}, {"man", "hombre"}, {"dog", "perro"}, {"big", "gran"}};
        for (int i = 0; i < 40; i++) {
            String[] a = words[i % 5];
            String[] b = words[(i / 5) % 5];
            lines.add(a[0] + " " + b[0] + " sees\t" + a[1] + " " + b[1] + " ve");
        }
        Files.write(pairs, lines);
        Path file = dir.resolve("mt.yaml");
        Files.writeString(file, """
                name: mt
                dataset: {kind: translation, pairs_file: '%s', max_length: 6, split_fraction: 0.2, min_count: 1,
                          small_sample: 20, val_examples: 8, test_examples: 8}
                model: {kind: seq2seq, embed: 8, hidden: 8}
                training: {batch_size: 8, steps: 4, eval_every: 2}
                seeds: [1]
                variants:
                  dot: {model: {score: dot}}
                  additive: {model: {score: additive}}
                """.formatted(pairs.toString().replace("'", "''")));
        Path results = dir.resolve("results");
        assertEquals(0, new CommandLine(new RunCommand()).execute(file.toString(), "--results", results.toString()));
        List<RunSummary> runs = runs(results, "mt");
        assertEquals(2, runs.size());
        for (RunSummary r : runs) {
            assertEquals(RunSummary.COMPLETED, r.status(), r.reason());
            assertTrue(r.testBleu() >= 0 && r.testBleu() <= 1, "BLEU " + r.testBleu());
            assertEquals(4, r.steps());
            List<AttentionMaps.Map2d> maps = AttentionMaps.read(results.resolve("mt").resolve(r.runId()));
            assertEquals(2, maps.size());
            assertEquals("<bos>", maps.get(0).rows().get(0));
            assertEquals("<eos>", maps.get(0).cols().get(maps.get(0).cols().size() - 1));
        }
        assertEquals(0, new CommandLine(new ReportCommand()).execute("mt", "--results", results.toString()));
        Path report = results.resolve("mt").resolve("report");
        assertTrue(Files.size(report.resolve("attention-dot-1.png")) > 1000);
        String md = Files.readString(report.resolve("report.md"));
        assertTrue(md.contains("| BLEU-4 (0-1) |"), md);
        assertTrue(md.contains("| additive − dot | test BLEU-4 |"), "BLEU is compared: " + md);
    }

    /** The runs of {@code experiment} in the database under {@code results}. */
    static List<RunSummary> runs(Path results, String experiment) {
        try (ResultsStore store = ResultsStore.open(results.resolve("attnlab.db"))) {
            return store.runs(experiment);
        }
    }
}
