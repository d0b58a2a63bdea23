package org.attnlab.experiments.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.attnlab.experiments.TinyExperiment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two real JVMs on one results folder at once: every run trains exactly once (across both processes) and every
 * run keeps its own row, whether the processes run two experiments or the same one.
 */
class TwoWritersTest {
    private static final String VARIANTS = """
              dot: {model: {score: dot}}
              general: {model: {score: general}}
            """;

    @TempDir
    Path dir;

    @Test
    void twoExperimentsAtOnceKeepEveryRow() throws Exception {
        Path qa = experiment("qa");
        Path qb = experiment("qb");
        Path results = dir.resolve("results");
        List<String> out = runConcurrently(List.of(qa, qb), results);

        try (ResultsStore store = ResultsStore.open(results.resolve("attnlab.db"))) {
            List<RunSummary> runs = store.runs(null);
            assertEquals(8, runs.size(), "2 experiments x 2 variants x 2 seeds");
            assertEquals(4, store.runs("qa").size());
            assertEquals(4, store.runs("qb").size());
            assertTrue(runs.stream().allMatch(r -> RunSummary.COMPLETED.equals(r.status())), runs.toString());
            assertTrainedOnce(out, runs);
        }
    }

    @Test
    void sameExperimentTwiceAtOnceTrainsEachRunOnce() throws Exception {
        Path qa = experiment("qa");
        Path results = dir.resolve("results");
        List<String> out = runConcurrently(List.of(qa, qa), results);

        try (ResultsStore store = ResultsStore.open(results.resolve("attnlab.db"))) {
            List<RunSummary> runs = store.runs(null);
            assertEquals(4, runs.size());
            assertTrue(runs.stream().allMatch(r -> RunSummary.COMPLETED.equals(r.status())), runs.toString());
            assertTrainedOnce(out, runs);
            for (RunSummary r : runs) {
                assertEquals(2, store.metrics(r.runId()).size(), r.runId());
            }
        }
        // both processes report all four runs completed: the one that waited reports the other's results
        assertEquals(2, out.stream().filter(l -> l.equals("DONE 4")).count(), String.join("\n", out));
    }

    /** Each run's id appears in exactly one TRAIN line over both processes. */
    private static void assertTrainedOnce(List<String> out, List<RunSummary> runs) {
        Map<String, Long> trained = out.stream().filter(l -> l.startsWith("TRAIN "))
                .collect(Collectors.groupingBy(l -> l.substring(6), Collectors.counting()));
        assertEquals(runs.stream().collect(Collectors.toMap(RunSummary::runId, r -> 1L)), trained,
                String.join("\n", out));
    }

    private Path experiment(String name) throws IOException {
        Path sub = Files.createDirectories(dir.resolve(name));
        Path file = TinyExperiment.write(sub, VARIANTS);
        Files.writeString(file, Files.readString(file).replace("name: tiny", "name: " + name));
        return file;
    }

    /** Starts one JVM per file at once on {@code results}; returns their output lines once both exited 0. */
    private List<String> runConcurrently(List<Path> files, Path results) throws Exception {
        List<Process> processes = new ArrayList<>();
        List<Path> logs = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            Path log = dir.resolve("process-" + i + ".log");
            logs.add(log);
            ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx1g", "-Xmn16m", "-cp", System.getProperty("java.class.path"),
                    RunProcessMain.class.getName(), files.get(i).toString(), results.toString());
            pb.environment().put("OMP_NUM_THREADS", "1");
            processes.add(pb.redirectErrorStream(true).redirectOutput(log.toFile()).start());
        }
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < processes.size(); i++) {
            Process p = processes.get(i);
            assertTrue(p.waitFor(5, TimeUnit.MINUTES), "process " + i + " did not finish");
            List<String> log = Files.readAllLines(logs.get(i));
            assertEquals(0, p.exitValue(), String.join("\n", log));
            lines.addAll(log);
        }
        return lines;
    }

}
