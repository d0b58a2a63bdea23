package org.attnlab.cli.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.attnlab.experiments.TinyExperiment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** End to end through the commands: run writes files and SQLite rows, report writes Markdown, HTML and PNGs. */
class ExperimentCommandsTest {
    @TempDir
    Path dir;

    @Test
    void runListAndReportATinyExperiment() throws IOException, SQLException {
        Path file = TinyExperiment.write(dir, """
                  dot: {model: {score: dot}}
                  general: {model: {score: general}}
                """);
        Path results = dir.resolve("results");
        assertEquals(0, new CommandLine(new RunCommand()).execute(file.toString(), "--results", results.toString()));

        Path exp = results.resolve("tiny");
        try (var runs = Files.list(exp)) {
            List<Path> runDirs = runs.toList();
            assertEquals(4, runDirs.size());
            for (Path run : runDirs) {
                for (String f : List.of("config.yaml", "metrics.csv", "summary.json", "environment.json", "model.sd")) {
                    assertTrue(Files.exists(run.resolve(f)), run + "/" + f);
                }
                assertEquals(3, Files.readAllLines(run.resolve("metrics.csv")).size(), "header + 2 validations");
                assertTrue(Files.readString(run.resolve("config.yaml")).contains("seed:"));
            }
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + results.resolve("attnlab.db"));
             Statement s = c.createStatement()) {
            assertEquals(4, count(s, "select count(*) from runs where experiment = 'tiny' and status = 'completed'"));
            assertEquals(8, count(s, "select count(*) from metrics"));
            assertEquals(2, count(s, "select count(distinct variant) from runs where test_token_acc between 0 and 1"));
        }

        assertEquals(0, new CommandLine(new ListRunsCommand()).execute("tiny", "--results", results.toString()));
        assertEquals(0, new CommandLine(new ReportCommand()).execute("tiny", "--results", results.toString()));
        Path report = exp.resolve("report");
        String md = Files.readString(report.resolve("report.md"));
        assertTrue(md.contains("| dot | 2 |"), md);
        assertTrue(md.contains("Welch's t-test"), md);
        assertTrue(md.contains("| dot | general |"), md);
        assertTrue(Files.readString(report.resolve("report.html")).contains("<table>"));
        assertTrue(Files.size(report.resolve("curves-dot.png")) > 1000);
        assertTrue(Files.size(report.resolve("curves-general.png")) > 1000);

        // A second run of the same file finds every run completed and trains nothing.
        assertEquals(0, new CommandLine(new RunCommand()).execute(file.toString(), "--results", results.toString()));
    }

    @Test
    void badConfigExitsWithTwo() throws IOException {
        Path file = TinyExperiment.write(dir, "  dot: {model: {score: cosine}}\n");
        assertEquals(2, new CommandLine(new RunCommand()).execute(file.toString(), "--results", dir.toString()));
    }

    private static long count(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
