package org.attnlab.experiments.kinds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.attnlab.experiments.config.ExperimentConfig;
import org.attnlab.experiments.config.ExperimentLoader;
import org.attnlab.experiments.config.VariantConfig;
import org.attnlab.experiments.run.AttentionMaps;
import org.attnlab.experiments.run.ConsoleProgress;
import org.attnlab.experiments.run.ExperimentRunner;
import org.attnlab.experiments.run.RunPlanner;
import org.attnlab.experiments.store.ResultsStore;
import org.attnlab.experiments.store.RunSummary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each sequence kind's declared metrics are what its runs record: the columns of {@code metrics.csv}, every cell a
 * finite number, one row per validation in the store, and the console's validation lines. (The image kind is run
 * end to end on fixture images by the command-line tests.) Only the transformer with sinusoidal positions declares a
 * fixed figure.
 */
class KindMetricsTest {
    @TempDir
    Path dir;

    @Test
    void everyKindRecordsExactlyTheMetricsItDeclares() throws IOException {
        Path file = dir.resolve("kinds.yaml");
        Files.writeString(file, """
                name: kinds
                dataset: {task: reverse, seq_len: 4, vocab: 6, train_examples: 32, val_examples: 16, test_examples: 16}
                model: {kind: tagger}
                training: {batch_size: 16, steps: 4, eval_every: 2}
                seeds: [1]
                variants:
                  tagger: {model: {d_model: 8, heads: 1}}
                  lstm: {model: {kind: lstm, embedding: 4, hidden: 8}}
                  transformer: {model: {kind: transformer, d_model: 8, heads: 2, d_ff: 8}}
                  seq2seq: {model: {kind: seq2seq, embed: 4, hidden: 8}}
                """);
        ExperimentConfig cfg = new ExperimentLoader(ModelKinds.load()).load(file);
        Map<String, ModelKind<?>> kinds = cfg.variants().stream()
                .collect(Collectors.toMap(VariantConfig::name, v -> v.model().kind()));
        StringWriter console = new StringWriter();
        try (ResultsStore store = ResultsStore.open(dir.resolve("attnlab.db"))) {
            ExperimentRunner runner = new ExperimentRunner(dir, store, new ConsoleProgress(new PrintWriter(console), false));
            List<RunSummary> runs = runner.runAll(RunPlanner.plan(cfg, false));
            assertEquals(4, runs.size());
            for (RunSummary r : runs) {
                assertEquals(RunSummary.COMPLETED, r.status(), r.reason());
                ModelKind<?> kind = kinds.get(r.variant());
                assertEquals(DataKind.SEQUENCES, kind.data());
                Path runDir = dir.resolve("kinds").resolve(r.runId());
                List<String> csv = Files.readAllLines(runDir.resolve("metrics.csv"));
                assertEquals(String.join(",", kind.metrics()), csv.get(0), r.variant());
                assertEquals(store.metrics(r.runId()).size(), csv.size() - 1, "one row per validation");
                for (String row : csv.subList(1, csv.size())) {
                    String[] cells = row.split(",");
                    assertEquals(kind.metrics().size(), cells.length, row);
                    for (String c : cells) {
                        assertTrue(Double.isFinite(Double.parseDouble(c)), r.variant() + ": " + row);
                    }
                }
                List<String> figures = AttentionMaps.read(runDir).stream().map(AttentionMaps.Map2d::figure)
                        .filter(f -> f != null).toList();
                assertEquals(r.variant().equals("transformer") ? List.of("positional-d8-len4") : List.of(), figures,
                        r.variant());
            }
        }
        List<String> lines = console.toString().lines().filter(l -> l.startsWith("  step ")).toList();
        assertEquals(8, lines.size(), console.toString());
        for (String line : lines) {
            for (String m : List.of("train_loss", "val_loss", "val_token_acc", "val_seq_acc", "tokens_per_second")) {
                assertTrue(line.contains("  " + m + " "), line);
            }
            assertFalse(line.contains("NaN"), line);
        }
    }
}
