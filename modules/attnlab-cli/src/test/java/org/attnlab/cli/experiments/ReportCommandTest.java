package org.attnlab.cli.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.attnlab.cli.AttnLabAccess;
import org.attnlab.experiments.store.ResultsStore;
import org.attnlab.experiments.store.RunSummary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code attnlab report} of an experiment none of whose runs completed writes what failed and exits 1. */
class ReportCommandTest {
    @TempDir
    Path dir;

    @Test
    void anExperimentWithNoCompletedRunIsReportedWithExitOne() {
        try (ResultsStore store = ResultsStore.open(dir.resolve("attnlab.db"))) {
            store.putRun(RunSummary.started("dot-seed1", "e", "dot", 1, 10).failed("loss became NaN at step 3", 3));
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = AttnLabAccess.execute(new PrintWriter(out), new PrintWriter(err), Map.of(), "report", "e",
                "--results", dir.toString());
        assertEquals(1, code, err.toString());
        assertEquals("error: no run of e has completed; the report lists only what failed or is unfinished",
                err.toString().strip());
        assertTrue(Files.isRegularFile(dir.resolve("e").resolve("report").resolve("report.md")), out.toString());
    }
}
