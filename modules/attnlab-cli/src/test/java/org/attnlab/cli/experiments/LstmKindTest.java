package org.attnlab.cli.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.attnlab.experiments.run.AttentionMaps;
import org.attnlab.experiments.store.RunSummary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Model kind {@code lstm} on reversal, 4 steps: forget / input / output gate maps in the run folder and the report. */
class LstmKindTest {
    @TempDir
    Path dir;

    @Test
    void lstmOnReversalWritesGateMaps() throws IOException {
        Path file = dir.resolve("lstm.yaml");
        Files.writeString(file, """
                name: lstm
                dataset: {task: reverse, seq_len: 5, vocab: 7, train_examples: 64, val_examples: 16, test_examples: 16}
                model: {kind: lstm, embedding: 4, hidden: 6}
                training: {batch_size: 16, steps: 4, eval_every: 2}
                seeds: [1]
                """);
        Path results = dir.resolve("results");
        assertEquals(0, new CommandLine(new RunCommand()).execute(file.toString(), "--results", results.toString()));
        List<RunSummary> runs = EncoderDecoderKindsTest.runs(results, "lstm");
        assertEquals(1, runs.size());
        RunSummary r = runs.get(0);
        assertEquals(RunSummary.COMPLETED, r.status(), r.reason());
        assertTrue(r.testSeqAcc() >= 0 && r.testSeqAcc() <= 1, "sequence accuracy kept for sequence kinds");
        Path runDir = results.resolve("lstm").resolve(r.runId());
        List<AttentionMaps.Map2d> maps = AttentionMaps.read(runDir);
        assertEquals(6, maps.size(), "forget, input, output gates x 2 test examples");
        assertTrue(maps.get(0).title().startsWith("forget gates"), maps.get(0).title());
        assertTrue(maps.get(2).title().startsWith("input gates"), maps.get(2).title());
        assertEquals(5, maps.get(0).rows().size(), "time steps");
        assertEquals(List.of("0", "1", "2", "3", "4", "5"), maps.get(0).cols(), "hidden units");
        assertTrue(Files.size(runDir.resolve("map-6.png")) > 1000);
        assertEquals(0, new CommandLine(new ReportCommand()).execute("lstm", "--results", results.toString()));
        assertTrue(Files.size(results.resolve("lstm").resolve("report").resolve("attention-base-1.png")) > 1000);
    }
}
