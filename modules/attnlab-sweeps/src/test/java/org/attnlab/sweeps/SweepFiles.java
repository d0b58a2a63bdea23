package org.attnlab.sweeps;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a base experiment and sweep files into a test folder. */
public final class SweepFiles {

    public static final String BASE = """
            model:
              heads: 4
              score: dot
            training:
              lr: 0.001
              steps: 100
            """;

    private final Path dir;

    public SweepFiles(Path dir) {
        this.dir = dir;
        write("base.yaml", BASE);
    }

    /** Writes {@code name} with {@code yaml} and returns its path. */
    public Path write(String name, String yaml) {
        try {
            return Files.writeString(dir.resolve(name), yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A sweep over lr (log), heads and score with the given objective, search and budget lines. */
    public Path sweep(String name, String function, String method, int maxTrials, String extra) {
        return write(name + ".yaml", """
                name: %s
                base: base.yaml
                seed: 7
                objective: {function: %s, metric: loss, direction: min}
                search: {method: %s, grid_points: 3, population: 4}
                budget: {max_trials: %d}
                parameters:
                  training.lr: {type: continuous, min: 1e-5, max: 1e-1, scale: log}
                  model.heads: {type: integer, min: 1, max: 8}
                  model.score: {type: categorical, values: [dot, additive]}
                %s""".formatted(name, function, method, maxTrials, extra));
    }

    /** The results folder of the test. */
    public Path results() {
        return dir.resolve("results");
    }

    public Path db() {
        return results().resolve("attnlab.db");
    }
}
