package org.attnlab.sweeps.spark;

import org.attnlab.sweeps.SweepFiles;
import org.attnlab.sweeps.config.SweepConfigParser;
import org.attnlab.sweeps.run.RunOptions;
import org.attnlab.sweeps.run.SweepRunner;
import org.attnlab.sweeps.store.SweepStore;
import org.attnlab.sweeps.store.TrialRecord;
import org.attnlab.sweeps.store.TrialState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A tiny sweep on Spark local[2] bound to 127.0.0.1 (surefire sets SPARK_LOCAL_IP); the driver writes the store. */
class SparkSweepTest {

    @TempDir
    Path dir;

    @Test
    void trialsRunAsSparkTasksAndLandInTheStore() {
        SweepFiles files = new SweepFiles(dir);
        Path sweep = files.sweep("spark", "test-flaky", "random", 6, "");
        List<String> log = new ArrayList<>();
        List<Long> times = new ArrayList<>();
        long start = System.nanoTime();
        List<TrialRecord> trials = new SweepRunner().run(new SweepConfigParser().parse(sweep),
                new RunOptions(files.results(), files.db(), false, null, "local[2]", line -> {
                    log.add(line);
                    times.add(System.nanoTime());
                }));
        System.out.printf("spark: context up after %.1f s, 6 trials after %.1f s, whole run %.1f s%n",
                (times.get(0) - start) / 1e9, (times.get(times.size() - 1) - times.get(0)) / 1e9,
                (System.nanoTime() - start) / 1e9);
        assertEquals(6, trials.size());
        assertTrue(trials.stream().allMatch(t -> t.state().finished()), trials.toString());
        assertTrue(log.get(0).contains("2 in parallel on spark local[2]"), log.get(0));
        trials.stream().filter(t -> t.state() == TrialState.FAILED)
                .forEach(t -> assertTrue(t.reason().contains("boom") || t.reason().contains("NaN"), t.reason()));
        try (SweepStore store = SweepStore.open(files.db())) {
            assertEquals(trials.size(), store.trials("spark").size());
        }
    }
}
