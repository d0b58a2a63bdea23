package org.attnlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.attnlab.experiments.store.ResultsStore;
import org.attnlab.experiments.store.RunSummary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class DemoCommandTest {
    private static final Pattern ROW = Pattern.compile("\\| (dot|additive) +\\| +([0-9.]+) \\|");

    @Test
    void trainsEachScoreFunctionAndPrintsTheTable(@TempDir Path results) {
        StringWriter buffer = new StringWriter();
        int exit = new CommandLine(new AttnLab()).setOut(new PrintWriter(buffer)).execute("demo", "--steps", "80",
                "--length", "4", "--vocab", "5", "--scores", "dot,additive", "--results", results.toString());
        String out = buffer.toString();
        assertEquals(0, exit, out);
        assertTrue(out.contains("runtime: backend=CPU"), out);
        Matcher rows = ROW.matcher(out);
        int found = 0;
        while (rows.find()) {
            double accuracy = Double.parseDouble(rows.group(2));
            assertTrue(accuracy > 0.5, rows.group(1) + " accuracy " + accuracy + " (chance is 0.25)\n" + out);
            found++;
        }
        assertEquals(2, found, out);
        try (ResultsStore store = ResultsStore.open(results.resolve("attnlab.db"))) {
            assertEquals(List.of("additive", "dot"), store.runs("demo").stream().map(RunSummary::variant).toList(),
                    "the demo's runs are filed like any experiment's");
        }
    }

    @Test
    void anUnknownScoreFunctionIsAUsageErrorNamingTheValidOnes() {
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new AttnLab());
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute("demo", "--scores", "dot,cosine");
        assertEquals(2, exit);
        assertTrue(err.toString().contains("unknown value 'cosine'; valid: dot, scaled_dot, additive, general"),
                err.toString());
    }
}
