package org.attnlab.experiments.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.attnlab.experiments.TinyExperiment;
import org.attnlab.experiments.config.ExperimentLoader;
import org.attnlab.experiments.kinds.ModelKinds;
import org.attnlab.experiments.report.Report;
import org.attnlab.experiments.report.ReportBuilder;
import org.attnlab.experiments.store.ResultsStore;
import org.attnlab.experiments.store.RunSummary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A seq2seq run on the reordering translation scores BLEU and the AER of its alignment, and the report shows them:
 * tabulated with perplexity, compared between variants, and in the per-seed CSV.
 */
class ReorderingRunTest {
    @TempDir
    Path dir;

    @Test
    void seq2seqRunsWriteAlignmentErrorAndTheReportTabulatesItWithPerplexity() throws IOException {
        Path file = TinyExperiment.writeReordering(dir, 4, 2,
                "  dot: {model: {score: dot}}\n  additive: {model: {score: additive}}\n");
        List<RunSpec> runs = RunPlanner.plan(new ExperimentLoader(ModelKinds.load()).load(file), false);
        try (ResultsStore store = ResultsStore.open(dir.resolve("a.db"))) {
            List<RunSummary> out = new ExperimentRunner(dir, store, new TrainerTest.Recorder(false)).runAll(runs);
            assertEquals(List.of("completed", "completed"), out.stream().map(RunSummary::status).toList());
            for (RunSummary s : out) {
                assertTrue(s.testBleu() >= 0 && s.testBleu() <= 1, "BLEU measured: " + s.testBleu());
                List<AlignmentErrors.Score> aer = AlignmentErrors.read(dir.resolve("align").resolve(s.runId()));
                assertEquals(1, aer.size());
                assertTrue(aer.get(0).aer() >= 0 && aer.get(0).aer() <= 1, "AER " + aer.get(0).aer());
                assertTrue(aer.get(0).links() >= 40 * 3 && aer.get(0).links() <= 40 * 5, "one link per target token");
            }
            Report report = new ReportBuilder(store).build("align", dir.resolve("align"), dir.resolve("figures"));
            var table = report.tables().stream().filter(t -> t.title().startsWith("Translation")).findFirst()
                    .orElseThrow();
            assertEquals(2, table.rows().size());
            for (List<String> row : table.rows()) {
                assertEquals("alignment (" + row.get(0) + ")", row.get(3), "the variant's own map");
                assertTrue(row.get(4).matches("0\\.\\d{3}"), "one seed: the AER alone, " + row);
            }
            var comparisons = report.tables().stream().filter(t -> t.title().equals("Comparisons")).findFirst()
                    .orElseThrow();
            assertEquals(1, comparisons.rows().stream().filter(r -> r.get(2).equals("test alignment error rate"))
                    .count(), "dot against additive on AER");
            List<String> csv = Files.readAllLines(dir.resolve("figures").resolve("per-seed.csv"));
            int col = List.of(csv.get(0).split(",")).indexOf("test_aer");
            for (String line : csv.subList(1, csv.size())) {
                String[] cells = line.split(",", -1);
                RunSummary s = out.stream().filter(r -> r.runId().equals(cells[2])).findFirst().orElseThrow();
                assertEquals(AlignmentErrors.read(dir.resolve("align").resolve(s.runId())).get(0).aer(),
                        Double.parseDouble(cells[col]), 1e-5, "the run's AER in its row");
            }
            List<String> curves = Files.readAllLines(dir.resolve("figures").resolve("validation-curves.csv"));
            assertEquals("variant,seed,step,epoch,train_loss,val_loss,val_token_acc,val_seq_acc", curves.get(0));
            var validations = out.stream().flatMap(r -> store.metrics(r.runId()).stream()).toList();
            assertEquals(validations.size(), curves.size() - 1, "one row per validation of every run");
            String[] last = curves.get(curves.size() - 1).split(",");
            assertTrue(validations.stream().filter(m -> m.step() == Long.parseLong(last[2])).map(m -> m.valLoss())
                    .anyMatch(v -> Math.abs(v - Double.parseDouble(last[5])) < 1e-5 * Math.max(1, v)),
                    "the row's validation loss is a stored one");
        }
    }
}
