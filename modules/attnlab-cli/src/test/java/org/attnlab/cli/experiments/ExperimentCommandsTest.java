package org.attnlab.cli.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.attnlab.cli.AttnLabAccess;
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
            List<Path> runDirs = runs.filter(Files::isDirectory).toList();
            assertEquals(4, runDirs.size());
            for (Path run : runDirs) {
                for (String f : List.of("config.yaml", "metrics.csv", "summary.json", "environment.json", "model.sd",
                        "test-checkpoint.json")) {
                    assertTrue(Files.exists(run.resolve(f)), run + "/" + f);
                }
                assertEquals(3, Files.readAllLines(run.resolve("metrics.csv")).size(), "header + 2 validations");
                assertTrue(Files.readString(run.resolve("config.yaml")).contains("seed:"));
                String env = Files.readString(run.resolve("environment.json"));
                assertTrue(env.contains("loadavg_start") && env.contains("loadavg_end"), env);
                try (var left = Files.list(run)) {
                    assertTrue(left.noneMatch(f -> f.getFileName().toString().startsWith("checkpoint-")), run.toString());
                }
                assertEquals(bestStep(run), new ObjectMapper().readTree(run.resolve("test-checkpoint.json").toFile())
                        .get("step").asLong(), "tested the lowest validation loss of " + run);
            }
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + results.resolve("attnlab.db"));
             Statement s = c.createStatement()) {
            assertEquals(4, count(s, "select count(*) from runs where experiment = 'tiny' and status = 'completed'"));
            assertEquals(8, count(s, "select count(*) from metrics"));
            assertEquals(2, count(s, "select count(distinct variant) from runs where test_token_acc between 0 and 1"));
        }

        StringWriter listed = new StringWriter();
        assertEquals(0, new CommandLine(new ListRunsCommand()).setOut(new PrintWriter(listed))
                .execute("tiny", "--results", results.toString()));
        assertTrue(listed.toString().contains("| token acc | seq acc | flags | reason |"), listed.toString());
        assertEquals(4, listed.toString().lines().filter(l -> l.contains("| completed |")
                && l.matches(".*\\| (-|[a-z, ]+) \\|  \\|$")).count(), "a flags cell per completed run: " + listed);
        assertEquals(0, new CommandLine(new ReportCommand()).execute("tiny", "--results", results.toString()));
        Path report = exp.resolve("report");
        String md = Files.readString(report.resolve("report.md"));
        assertTrue(md.contains("| dot | reverse (length 4, vocabulary 6) | 2 |"), md);
        assertTrue(md.contains("`./attnlab run " + file + "` then `./attnlab report tiny`"), md);
        assertTrue(md.contains("| dot − general | test token accuracy | paired t, n = 2 |"), md);
        assertTrue(md.contains("| dot − general | area under validation accuracy | paired t, n = 2 |"), md);
        assertTrue(md.contains("p (Holm)") && md.contains("## Learning speed") && md.contains("## Environment")
                && md.contains("## Methods"), md);
        assertTrue(md.contains(" of 6 |"), "tested step of 6 trained: " + md);
        String html = Files.readString(report.resolve("report.html"));
        assertTrue(html.contains("<table>") && html.contains("<code>./attnlab report tiny</code>")
                && html.contains("<b>Tests.</b>"), html);
        for (String png : List.of("validation-loss.png", "validation-accuracy.png",
                "differences-token-accuracy.png", "differences-learning-area.png")) {
            assertTrue(Files.size(report.resolve(png)) > 1000, png);
        }

        // A second run of the same file finds every run completed and trains nothing.
        assertEquals(0, new CommandLine(new RunCommand()).execute(file.toString(), "--results", results.toString()));

        // A damaged or foreign record file stops the report with one line naming it, never quoting it.
        Path run = runDir(exp);
        for (Path damaged : List.of(run.resolve("environment.json"), run.resolve("test-checkpoint.json"),
                run.resolve("config.yaml"), exp.resolve("experiment.json"))) {
            String kept = Files.readString(damaged);
            Files.writeString(damaged, "root: [x, \"secret\n");
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int code = AttnLabAccess.execute(new PrintWriter(out), new PrintWriter(err), java.util.Map.of(), "report",
                    "tiny", "--results", results.toString());
            String line = err.toString().strip();
            assertTrue(code != 0 && line.lines().count() == 1 && line.startsWith("error: cannot read " + damaged + ": ")
                    && !line.contains("root") && !line.contains("secret") && !line.contains("Exception"),
                    damaged + ": exit " + code + ", " + line + out);
            Files.writeString(damaged, kept);
        }
        assertEquals(0, new CommandLine(new ReportCommand()).execute("tiny", "--results", results.toString()));
    }

    private static Path runDir(Path experiment) throws IOException {
        try (var runs = Files.list(experiment)) {
            return runs.filter(p -> Files.isRegularFile(p.resolve("summary.json"))).sorted().findFirst().orElseThrow();
        }
    }

    @Test
    void badConfigExitsWithTwo() throws IOException {
        Path file = TinyExperiment.write(dir, "  dot: {model: {score: cosine}}\n");
        assertEquals(2, new CommandLine(new RunCommand()).execute(file.toString(), "--results", dir.toString()));
    }

    /** The step of the lowest validation loss in a run's metrics.csv (the earliest on ties). */
    private static long bestStep(Path run) throws IOException {
        List<String[]> rows = Files.readAllLines(run.resolve("metrics.csv")).stream().skip(1).map(l -> l.split(","))
                .toList();
        String[] best = rows.get(0);
        for (String[] r : rows) {
            if (Double.parseDouble(r[3]) < Double.parseDouble(best[3])) {
                best = r;
            }
        }
        return Long.parseLong(best[0]);
    }

    private static long count(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
