package org.attnlab.experiments.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.attnlab.experiments.run.InitGradients;
import org.attnlab.experiments.store.RunSummary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The divergence-rate and initial-gradient tables on run folders written by hand. */
class DepthTablesTest {
    @TempDir
    Path dir;

    private RunSummary run(String id, String variant, String status, String reason, long steps) throws IOException {
        Files.createDirectories(dir.resolve(id));
        Files.writeString(dir.resolve(id).resolve("config.yaml"), "training:\n  divergence_factor: 1.0\n");
        return new RunSummary(id, "e", variant, 1, status, reason, 10, steps, 1, 1, 1, 0.1, 0.9, 0.5, Double.NaN);
    }

    @Test
    void divergenceRateCountsOnlyDivergedRunsWithAWilsonInterval() throws IOException {
        List<RunSummary> runs = List.of(
                run("a1", "a", RunSummary.FAILED, "diverged: loss 3.1 at step 50 is above 1 x ...", 50),
                run("a2", "a", RunSummary.FAILED, "loss became NaN at step 100", 100),
                run("a3", "a", RunSummary.FAILED, "out of memory: heap", 20),
                run("a4", "a", RunSummary.COMPLETED, "", 200),
                run("a5", "a", RunSummary.COMPLETED, "", 200),
                run("b1", "b", RunSummary.COMPLETED, "", 200));
        Table t = DivergenceTable.of(runs, dir, 0.95).orElseThrow();
        // Wilson 95%, n = 5, k = 2: centre (0.4 + z^2/10) / (1 + z^2/5) = 0.4435, half-width 0.3258
        assertEquals(List.of("a", "5", "2", "0.40 [0.12, 0.77]", "50, 100"), t.rows().get(0));
        // n = 1, k = 0: upper end z^2 / (1 + z^2) = 0.7935
        assertEquals(List.of("b", "1", "0", "0.00 [0.00, 0.79]", "-"), t.rows().get(1));
        assertTrue(t.notes().get(0).contains("above 1 x ln(classes)"), t.notes().get(0));
    }

    @Test
    void noDivergenceTableWithoutAStricterCheckOrADivergedRun() throws IOException {
        RunSummary r = run("c1", "c", RunSummary.COMPLETED, "", 10);
        Files.writeString(dir.resolve("c1").resolve("config.yaml"), "training:\n  divergence_factor: 0\n");
        assertTrue(DivergenceTable.of(List.of(r), dir, 0.95).isEmpty());
        Files.writeString(dir.resolve("c1").resolve("config.yaml"), "training:\n  divergence_factor: 10\n");
        assertTrue(DivergenceTable.of(List.of(r), dir, 0.95).isEmpty(), "the default factor is no study of divergence");
    }

    @Test
    void initialGradientNormsPerLayerAndVariant() throws IOException {
        List<RunSummary> runs = List.of(run("p1", "post", RunSummary.COMPLETED, "", 1),
                run("p2", "post", RunSummary.FAILED, "loss became NaN at step 1", 1),
                run("q1", "pre", RunSummary.COMPLETED, "", 1), run("x1", "none", RunSummary.COMPLETED, "", 1));
        Files.writeString(dir.resolve("p1").resolve(InitGradients.FILE), "{\"enc/0\": 1.0, \"out\": 2.0}");
        Files.writeString(dir.resolve("p2").resolve(InitGradients.FILE), "{\"enc/0\": 3.0, \"out\": 2.0}");
        Files.writeString(dir.resolve("q1").resolve(InitGradients.FILE),
                "{\"enc/norm\": 0.25, \"enc/10\": 0.1, \"enc/0\": 0.5}");
        Table t = InitGradientTable.of(runs, dir).orElseThrow();
        assertEquals(List.of("layer", "post", "pre"), t.headers());
        assertEquals(List.of("enc/0", "2.00 ± 1.4", "0.500"), t.rows().get(0));      // std of {1, 3} = sqrt 2
        assertEquals(List.of("enc/10", "n/a", "0.100"), t.rows().get(1));
        assertEquals(List.of("enc/norm", "n/a", "0.250"), t.rows().get(2));
        assertEquals(List.of("out", "2.00 ± 0.0", "n/a"), t.rows().get(3));
        assertTrue(InitGradientTable.of(List.of(runs.get(3)), dir).isEmpty());
    }
}
