package org.attnlab.cli.badinput;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Command-line misuse: every case ends with one line on stderr, no stack trace, and the exit code given (2 = bad
 * input; the datasets commands use 1). {@code $D} in an argument stands for a scratch folder holding {@code tiny.yaml} (a valid experiment),
 * {@code sweep.yaml} (a valid sweep of the demo objective),
 * {@code file} (a regular file), {@code notadb} (a text file), {@code folder/}, {@code fifo}, {@code big.yaml} (2 MB),
 * results folders {@code lnk-*} with a symbolic link to {@code outside/} where AttnLab would write, and
 * {@code foreign/attnlab.db}, another program's SQLite database.
 */
class BadCommandLinesTest {
    @TempDir
    static Path d;

    @BeforeAll
    static void scratch() throws Exception {
        Files.writeString(d.resolve("tiny.yaml"), """
                name: tiny
                dataset: {task: reverse, seq_len: 4, vocab: 6, train_examples: 64, val_examples: 32, test_examples: 32}
                model: {kind: tagger, d_model: 8, heads: 1, score: dot}
                training: {batch_size: 16, steps: 2, eval_every: 1}
                seeds: [1]
                """);
        Files.writeString(d.resolve("sweep.yaml"), """
                name: s1
                base: tiny.yaml
                objective: {function: demo-quadratic, metric: loss}
                budget: {max_trials: 2}
                parameters:
                  training.learning_rate: {type: continuous, min: 0.001, max: 0.1}
                """);
        Files.writeString(d.resolve("file"), "just a file\n");
        Files.writeString(d.resolve("notadb"), "not an SQLite database, just text\n".repeat(200));
        Files.createDirectories(d.resolve("folder"));
        Files.createDirectories(d.resolve("empty"));
        Files.writeString(d.resolve("big.yaml"), "name: " + "a".repeat(2 << 20) + "\n");
        new ProcessBuilder("mkfifo", d.resolve("fifo").toString()).start().waitFor();
        Files.createDirectories(d.resolve("foreign"));
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + d.resolve("foreign").resolve("attnlab.db"));
             var s = c.createStatement()) {
            s.execute("CREATE TABLE recipes (name TEXT)");
        }
        Files.createDirectories(d.resolve("outside"));
        Files.createDirectories(d.resolve("lnk-report").resolve("tiny"));
        Files.createDirectories(d.resolve("lnk-run"));
        Files.createDirectories(d.resolve("lnk-sweep"));
        Files.createSymbolicLink(d.resolve("lnk-run").resolve("tiny"), d.resolve("outside"));
        Files.createSymbolicLink(d.resolve("lnk-report").resolve("tiny").resolve("report"), d.resolve("outside"));
        Files.createSymbolicLink(d.resolve("lnk-sweep").resolve("sweeps"), d.resolve("outside"));
    }

    /** Folders below the results folder that are symbolic links are refused before anything is written. */
    @AfterAll
    static void nothingWasWrittenThroughALinkOrIntoAForeignDatabase() throws Exception {
        assertFalse(org.attnlab.experiments.store.Sqlite.hasAnyTable(d.resolve("foreign").resolve("attnlab.db"), "runs",
                "metrics", "claims"), "no AttnLab table added to another program's database");
        try (var written = Files.list(d.resolve("outside"))) {
            assertEquals(List.of(), written.toList());
        }
    }

    static Stream<Arguments> cases() {
        List<Arguments> c = new ArrayList<>();
        // where results go
        c.add(of(2, "is not a folder", "run", "$D/tiny.yaml", "--results", "$D/file"));
        c.add(of(2, "cannot create the folder", "run", "$D/tiny.yaml", "--results", "$D/file/sub"));
        c.add(of(2, "cannot create the folder", "run", "$D/tiny.yaml", "--results", "/proc/attnlab-x"));
        c.add(of(2, "is a folder, not a results database", "run", "$D/tiny.yaml", "--db", "$D/folder"));
        c.add(of(2, "not an SQLite database", "run", "$D/tiny.yaml", "--results", "$D/r1", "--db", "$D/notadb"));
        c.add(of(2, "is not a regular file", "run", "$D/tiny.yaml", "--results", "$D/r2", "--db", "/dev/null"));
        c.add(of(2, "--results needs a folder name", "run", "$D/tiny.yaml", "--results", ""));
        c.add(of(2, "--db needs a file name", "run", "$D/tiny.yaml", "--results", "$D/r3", "--db", ""));
        c.add(of(2, "--results needs a folder name", "list", "--results", ""));
        c.add(of(2, "no results database", "list", "--results", "$D/empty"));
        c.add(of(2, "is a folder, not a results database", "list", "--db", "$D/folder"));
        c.add(of(2, "not an SQLite database", "list", "--db", "$D/notadb"));
        c.add(of(2, "no results database", "report", "tiny", "--results", "$D/nothing-here"));
        c.add(of(2, "holds no AttnLab results (no runs or sweep table)", "list", "--results", "$D/foreign"));
        c.add(of(2, "holds no AttnLab results (no runs or sweep table)", "report", "tiny", "--results", "$D/foreign"));
        c.add(of(2, "lnk-run/tiny is a symbolic link: AttnLab writes only inside the results folder", "run",
                "$D/tiny.yaml", "--results", "$D/lnk-run"));
        c.add(of(2, "lnk-report/tiny/report is a symbolic link", "report", "tiny", "--results", "$D/lnk-report"));
        c.add(of(2, "lnk-sweep/sweeps is a symbolic link", "sweep", "$D/sweep.yaml", "--results", "$D/lnk-sweep"));
        c.add(of(2, "EXPERIMENT must be 1-64", "report", "../../escape", "--results", "$D/empty"));
        c.add(of(2, "EXPERIMENT must be 1-64", "report", "x".repeat(300), "--results", "$D/empty"));
        // the experiment file
        c.add(of(2, "no such file", "run", "$D/missing.yaml"));
        c.add(of(2, "is a folder", "run", "$D/folder"));
        c.add(of(2, "not a regular file", "run", "/dev/zero"));
        c.add(of(2, "not a regular file", "run", "$D/fifo"));
        c.add(of(2, "more than the limit", "run", "$D/big.yaml"));
        c.add(of(2, "not an experiment file", "run", "$D/notadb"));
        c.add(of(2, "Missing required parameter", "run"));
        c.add(of(2, "Unknown option", "run", "$D/tiny.yaml", "--fast"));
        // demo
        c.add(of(2, "--steps must be between 1 and", "demo", "--steps", "0"));
        c.add(of(2, "--steps must be between 1 and", "demo", "--steps", "-1"));
        c.add(of(2, "--steps must be between 1 and", "demo", "--steps", "99999999"));
        c.add(of(2, "Invalid value", "demo", "--steps", "99999999999999999999"));
        c.add(of(2, "Invalid value", "demo", "--steps", "many"));
        c.add(of(2, "--length must be between 1 and", "demo", "--length", "100000"));
        c.add(of(2, "--length must be between 1 and", "demo", "--length", "0"));
        c.add(of(2, "--vocab must be between 3 and", "demo", "--vocab", "2000000"));
        c.add(of(2, "--batch must be between 1 and", "demo", "--batch", "0"));
        c.add(of(2, "unknown value 'cosine'; valid: dot, scaled_dot", "demo", "--scores", "cosine"));
        c.add(of(2, "Invalid value", "demo", "--task", "rot13"));
        // sweeps, datasets, the entry point
        c.add(of(2, "no such file", "sweep", "$D/missing.yaml", "--db", "$D/s.db"));
        c.add(of(2, "not a regular file", "sweep", "/dev/zero", "--db", "$D/s.db"));
        c.add(of(2, "--parallel must be at least 1", "sweep", "$D/tiny.yaml", "--parallel", "0"));
        c.add(of(2, "Invalid value", "sweep", "$D/tiny.yaml", "--top", "lots"));
        c.add(of(2, "--top must be at least 1", "sweep", "$D/tiny.yaml", "--top", "-5"));
        c.add(of(2, "/file is not a folder", "sweep", "$D/sweep.yaml", "--report", "$D/file"));
        c.add(of(2, "--spark garbage://x: Spark cannot start there (Could not parse Master URL", "sweep",
                "$D/sweep.yaml", "--results", "$D/r", "--spark", "garbage://x"));
        c.add(of(2, "--spark local[0]: Spark cannot start there (Asked to run locally with 0 threads)", "sweep",
                "$D/sweep.yaml", "--results", "$D/r", "--spark", "local[0]"));
        c.add(of(1, "unknown dataset 'cifar'", "datasets", "verify", "cifar"));
        c.add(of(2, "Unmatched argument", "frobnicate"));
        return c.stream();
    }

    @ParameterizedTest(name = "[{index}] {1} <- {2}")
    @MethodSource("cases")
    void misuseEndsInOneLine(int code, String fragment, List<String> args) {
        Cli.assertClean(Cli.run(args.stream().map(a -> a.replace("$D", d.toString())).toArray(String[]::new)),
                code, fragment);
    }

    @ParameterizedTest(name = "OMP_NUM_THREADS={0}")
    @MethodSource("badThreadCounts")
    void badOpenMpThreadCountsStopBeforeNd4jLoads(String value) {
        Cli.assertClean(Cli.run(Map.of("OMP_NUM_THREADS", value), "demo", "--steps", "1"), 2,
                "OMP_NUM_THREADS must be a whole number");
    }

    static Stream<String> badThreadCounts() {
        return Stream.of("0", "-1", "", "two", "99999");
    }

    @Test
    void readingCommandsCreateNothing() throws IOException {
        Path missing = d.resolve("never-created");
        Cli.run("list", "--results", missing.toString());
        Cli.run("report", "tiny", "--results", missing.toString());
        assertFalse(Files.exists(missing), "list and report created the results folder");
        Cli.run("list", "--results", d.resolve("empty").toString());
        try (Stream<Path> s = Files.list(d.resolve("empty"))) {
            assertFalse(s.findAny().isPresent(), "list created a database");
        }
    }

    private static Arguments of(int code, String fragment, String... args) {
        return Arguments.of(code, fragment, List.of(args));
    }
}
