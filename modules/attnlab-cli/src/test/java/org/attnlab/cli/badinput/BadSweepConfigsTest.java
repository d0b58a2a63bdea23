package org.attnlab.cli.badinput;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad sweep files through {@code attnlab sweep}: one line, exit 2, no trial run, no file content in the message and
 * nothing written outside the results folder. The objective is the quick demo one unless a case needs trials of a real
 * experiment. {@code $D} stands for the scratch folder.
 */
class BadSweepConfigsTest {
    private static final String BASE = """
            name: tiny
            dataset: {task: reverse, seq_len: 4, vocab: 6, train_examples: 64, val_examples: 32, test_examples: 32}
            model: {kind: tagger, d_model: 8, heads: 1, score: dot}
            training: {batch_size: 16, steps: 2, eval_every: 1}
            seeds: [1]
            """;

    @TempDir
    Path dir;

    static String sweep(String name, String base, String objective, String budget, String parameters) {
        return "name: " + name + "\nbase: " + base + "\nobjective: " + objective + "\nbudget: " + budget
                + "\nparameters:\n" + parameters;
    }

    static String ok(String replace, String with) {
        return sweep("s1", "base.yaml", "{function: demo-quadratic, metric: loss}", "{max_trials: 2}",
                "  training.learning_rate: {type: continuous, min: 0.001, max: 0.1}\n").replace(replace, with);
    }

    static Stream<Arguments> cases() {
        String long300 = "s".repeat(300);
        List<Arguments> c = new ArrayList<>();
        c.add(Arguments.of("is not a readable experiment file", ok("base: base.yaml", "base: /etc/passwd")));
        c.add(Arguments.of("no such file", ok("base: base.yaml", "base: ../../../../etc/nothing-here")));
        c.add(Arguments.of("not a regular file", ok("base: base.yaml", "base: /dev/zero")));
        c.add(Arguments.of("is a folder", ok("base: base.yaml", "base: sub")));
        c.add(Arguments.of("not a regular file", ok("base: base.yaml", "base: fifo")));
        c.add(Arguments.of("sweep name must be 1-64", ok("name: s1", "name: ../../../escape-sweep")));
        c.add(Arguments.of("sweep name must be 1-64", ok("name: s1", "name: " + long300)));
        c.add(Arguments.of("sweep name must be 1-64", ok("name: s1", "name: '..'")));
        c.add(Arguments.of("must be at most 366 days", ok("{max_trials: 2}", "{max_time: 99999999999999999999d}")));
        c.add(Arguments.of("must be at most 366 days", ok("{max_trials: 2}", "{max_time: 99999d}")));
        c.add(Arguments.of("must be longer than zero", ok("{max_trials: 2}", "{max_time: 0s}")));
        c.add(Arguments.of("expected a duration", ok("{max_trials: 2}", "{max_time: soon}")));
        c.add(Arguments.of("must be between 1 and", ok("{max_trials: 2}", "{max_trials: 99999999999}")));
        c.add(Arguments.of("Duplicate field 'name'", ok("name: s1", "name: s1\nname: s2")));
        c.add(Arguments.of("anchors and aliases", ok("name: s1", "name: &n s1\nseed: *n")));
        c.add(Arguments.of("a second YAML document", ok("", "") + "---\nname: other\n"));
        c.add(Arguments.of("'banana' is not reported", ok("metric: loss", "metric: banana")));
        c.add(Arguments.of("no trial objective named", ok("demo-quadratic", "nope")));
        c.add(Arguments.of("not a sweep file", "- just\n- a list\n"));
        c.add(Arguments.of("not valid YAML", "name: [unclosed\n"));
        c.add(Arguments.of("unknown key", ok("name: s1", "name: s1\nbudgte: 3")));
        c.add(Arguments.of("needs at least one parameter", ok("  training.learning_rate: {type: continuous, min: "
                + "0.001, max: 0.1}\n", "  {}\n")));
        c.add(Arguments.of("must be greater than min", ok("max: 0.1", "max: 0.0001")));
        c.add(Arguments.of("more than the limit", ok("name: s1", "name: s1\nseed: 1\n#" + "x".repeat(300 << 10))));
        c.add(Arguments.of("expected", ok("name: s1", "name: s1\nseed: " + "9".repeat(100_000))));
        return c.stream();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("cases")
    void badSweepEndsInOneLine(String fragment, String yaml) throws Exception {
        scratch();
        Path file = Files.writeString(dir.resolve("sweep.yaml"), yaml);
        Path results = dir.resolve("results");
        Cli.Result r = Cli.run("sweep", file.toString(), "--results", results.toString());
        Cli.assertClean(r, 2, fragment);
        assertTrue(r.err().length() < 600, "short message: " + r.err().length() + " chars");
        assertFalse(r.err().contains("root:x") || r.out().contains("root:x"), "file content leaked\n" + r.err());
        for (Path outside : List.of(dir.resolve("escape-sweep"), dir.getParent().resolve("escape-sweep"))) {
            assertFalse(Files.exists(outside), "written outside the results folder: " + outside);
        }
    }

    @Test
    void aSweepWhoseTrialsAllFailExitsOne() throws Exception {
        scratch();
        Path file = Files.writeString(dir.resolve("sweep.yaml"), sweep("allfail", "base.yaml",
                "{function: experiment, metric: val_loss}", "{max_trials: 2}",
                "  model.heads: {type: categorical, values: [3, 5]}\n"));
        Cli.Result r = Cli.run("sweep", file.toString(), "--results", dir.resolve("results").toString());
        Cli.assertClean(r, 1, "no trial succeeded (2 trials");
        assertTrue(Files.isDirectory(dir.resolve("results/sweeps/allfail")), "report in the given results folder");
    }

    private void scratch() throws IOException, InterruptedException {
        Files.writeString(dir.resolve("base.yaml"), BASE);
        Files.createDirectories(dir.resolve("sub"));
        if (!Files.exists(dir.resolve("fifo"))) {
            new ProcessBuilder("mkfifo", dir.resolve("fifo").toString()).start().waitFor();
        }
    }
}
