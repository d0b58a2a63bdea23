package org.attnlab.cli.badinput;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad experiment files through {@code attnlab run}: one line naming the problem, exit 2, nothing trained, nothing
 * written outside the results folder, and (sizes) refused before any allocation.
 */
class BadExperimentConfigsTest {
    private static final String DATASET = "{task: reverse, seq_len: 4, vocab: 6, train_examples: 64, val_examples: 32, "
            + "test_examples: 32}";
    private static final String MODEL = "{kind: tagger, d_model: 8, heads: 1, score: dot}";
    private static final String TRAINING = "{batch_size: 16, steps: 2, eval_every: 1}";

    @TempDir
    Path dir;

    static String exp(String name, String dataset, String model, String training, String extra) {
        return "name: " + name + "\ndataset: " + dataset + "\nmodel: " + model + "\ntraining: " + training
                + "\nseeds: [1]\n" + extra;
    }

    static String dataset(String replace, String with) {
        return exp("bad", DATASET.replace(replace, with), MODEL, TRAINING, "");
    }

    static String model(String replace, String with) {
        return exp("bad", DATASET, MODEL.replace(replace, with), TRAINING, "");
    }

    static String training(String replace, String with) {
        return exp("bad", DATASET, MODEL, TRAINING.replace(replace, with), "");
    }

    static Stream<Arguments> cases() {
        String long300 = "n".repeat(300);
        List<Arguments> c = new ArrayList<>();
        // sizes: refused up front by the memory estimate or the 32-bit limits
        c.add(Arguments.of("elements", exp("bad", "{task: reverse, seq_len: 8, vocab: 2000000}", MODEL, TRAINING, "")));
        c.add(Arguments.of("of memory", model("d_model: 8", "d_model: 20000")));
        c.add(Arguments.of("elements", model("d_model: 8", "d_model: 1000000")));
        c.add(Arguments.of("Java heap", dataset("train_examples: 64", "train_examples: 2000000000")));
        c.add(Arguments.of("elements", dataset("seq_len: 4", "seq_len: 100000")));
        c.add(Arguments.of("elements", training("batch_size: 16", "batch_size: 2000000000")));
        c.add(Arguments.of("out of range of int", dataset("vocab: 6", "vocab: 99999999999999999999")));
        c.add(Arguments.of("out of range of int", training("steps: 2", "steps: 99999999999999999999")));
        c.add(Arguments.of("must be >= 1", dataset("seq_len: 4", "seq_len: -5")));
        c.add(Arguments.of("must be >= 1", training("batch_size: 16", "batch_size: 0")));
        c.add(Arguments.of("heads", model("heads: 1", "heads: 0")));
        // names
        c.add(Arguments.of("name: must be 1-64", exp(long300, DATASET, MODEL, TRAINING, "")));
        c.add(Arguments.of("must be 1-64", exp("bad", DATASET, MODEL, TRAINING, "variants:\n  " + long300 + ": {}\n")));
        c.add(Arguments.of("name: must be 1-64", exp("../../escape", DATASET, MODEL, TRAINING, "")));
        c.add(Arguments.of("name: must be 1-64", exp("'..'", DATASET, MODEL, TRAINING, "")));
        c.add(Arguments.of("name: must be 1-64", exp("'/etc/x'", DATASET, MODEL, TRAINING, "")));
        c.add(Arguments.of("name: must be 1-64", exp("'.hidden'", DATASET, MODEL, TRAINING, "")));
        c.add(Arguments.of("must be 1-64", exp("bad", DATASET, MODEL, TRAINING, "variants:\n  ../up: {}\n")));
        // shape of the file
        c.add(Arguments.of("not an experiment file", "- a\n- list\n"));
        c.add(Arguments.of("not an experiment file", "root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1::/usr/sbin\n"));
        c.add(Arguments.of("empty file", "# nothing\n"));
        c.add(Arguments.of("not valid YAML", "name: [unclosed\n"));
        c.add(Arguments.of("Duplicate field 'seeds'", exp("bad", DATASET, MODEL, TRAINING, "seeds: [2]\n")));
        c.add(Arguments.of("unknown key", exp("bad", DATASET, MODEL, TRAINING, "epochz: 3\n")));
        c.add(Arguments.of("anchors and aliases", exp("bad", "&d " + DATASET, MODEL, TRAINING,
                "variants:\n  v: {dataset: *d}\n")));
        c.add(Arguments.of("a second YAML document", exp("bad", DATASET, MODEL, TRAINING, "---\nname: other\n")));
        c.add(Arguments.of("must be 1-64", exp("x".repeat(250_000), DATASET, MODEL, TRAINING, "")));
        c.add(Arguments.of("unknown value", dataset("task: reverse", "task: " + "r".repeat(200_000))));
        c.add(Arguments.of("more than the limit", exp("x".repeat(20 << 20), DATASET, MODEL, TRAINING, "")));
        return c.stream();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("cases")
    void badConfigEndsInOneLine(String fragment, String yaml) throws IOException {
        Path file = Files.writeString(dir.resolve("bad.yaml"), yaml);
        Path results = dir.resolve("results");
        long start = System.nanoTime();
        Cli.Result r = Cli.run("run", file.toString(), "--results", results.toString());
        double seconds = (System.nanoTime() - start) / 1e9;
        Cli.assertClean(r, 2, fragment);
        assertTrue(r.err().startsWith("error: " + file + ": "), "names the file first: " + r.err());
        assertTrue(r.err().length() < 600, "short message: " + r.err().length() + " chars");
        assertTrue(seconds < 10, "refused in " + seconds + " s");
        assertFalse(r.out().contains("steps"), "nothing trained\n" + r.out());
        try (Stream<Path> s = Files.list(dir)) {
            assertTrue(s.allMatch(p -> p.equals(file) || p.equals(results)), "nothing written beside the results");
        }
    }
}
