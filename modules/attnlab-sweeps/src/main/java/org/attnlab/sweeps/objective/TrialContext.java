package org.attnlab.sweeps.objective;

import java.io.Serializable;
import java.nio.file.Path;

/**
 * What a sweep tells its trial objective: the sweep's name, its objective metric (what intermediate reports are of) and
 * the results folder where an objective that trains files each trial as a run.
 *
 * @param sweep   sweep name; an experiment trial is filed as experiment {@code sweep}, variant {@code trial-N}
 * @param metric  the sweep's objective metric
 * @param results results folder (paths are strings, so that the context travels to Spark executors)
 * @param db      the SQLite results store (usually {@code results/attnlab.db})
 */
public record TrialContext(String sweep, String metric, String results, String db) implements Serializable {

    /** The context of sweep {@code sweep} filing runs in {@code results} and its store {@code db}. */
    public static TrialContext of(String sweep, String metric, Path results, Path db) {
        return new TrialContext(sweep, metric, results.toAbsolutePath().toString(), db.toAbsolutePath().toString());
    }

    /** The results folder. */
    public Path resultsDir() {
        return Path.of(results);
    }

    /** The SQLite results store. */
    public Path dbFile() {
        return Path.of(db);
    }
}
