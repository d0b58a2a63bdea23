package org.attnlab.cli.sweeps;

import org.attnlab.sweeps.SweepFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.attnlab.cli.AttnLabAccess;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SweepCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int sweep(String... args) {
        String[] command = new String[args.length + 1];
        command[0] = "sweep";
        System.arraycopy(args, 0, command, 1, args.length);
        return AttnLabAccess.execute(new PrintWriter(out), new PrintWriter(err), Map.of(), command);
    }

    @Test
    void runsResumesAndReports() {
        SweepFiles files = new SweepFiles(dir);
        Path file = files.sweep("cli", "test-quadratic", "random", 3, "");
        String results = files.results().toString();
        String report = dir.resolve("rep").toString();
        assertEquals(0, sweep(file.toString(), "--results", results, "--parallel", "2", "--report", report), err.toString());
        assertTrue(out.toString().contains("[3/3]"), out.toString());
        assertTrue(Files.isRegularFile(dir.resolve("rep").resolve("best-config.yaml")));

        assertEquals(2, sweep(file.toString(), "--results", results, "--report", report));
        assertTrue(err.toString().startsWith("error: sweep 'cli' already exists") && err.toString().contains("--resume"),
                err.toString());
        assertEquals(0, sweep(file.toString(), "--results", results, "--report", report, "--resume"), err.toString());
    }

    @Test
    void configErrorsNameFileAndKey() {
        SweepFiles files = new SweepFiles(dir);
        Path file = files.write("bad.yaml", "base: base.yaml\nobjective: {metric: loss}\nbudget: {max_trials: -1}\n");
        assertEquals(2, sweep(file.toString(), "--results", files.results().toString()));
        assertTrue(err.toString().contains("bad.yaml: budget.max_trials: must be between 1"), err.toString());
    }

    @Test
    void unknownObjectiveListsTheRegisteredOnes() {
        SweepFiles files = new SweepFiles(dir);
        Path file = files.sweep("nobj", "no-such-objective", "random", 2, "");
        assertEquals(2, sweep(file.toString(), "--results", files.results().toString()));
        assertTrue(err.toString().contains("no trial objective named 'no-such-objective'"), err.toString());
        assertTrue(err.toString().contains("demo-quadratic") && err.toString().contains("experiment"), err.toString());
    }
}
