package org.attnlab.sweeps.run;

import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * How to run a sweep: the results folder (trials that train are filed there as runs), the SQLite file (shared with
 * the experiments' results store), whether to resume a stored sweep, how many trials at once (null: from the backend),
 * a Spark master URL (null: run in this JVM) and where progress lines go.
 */
public record RunOptions(Path results, Path db, boolean resume, Integer parallel, String sparkMaster,
                         Consumer<String> progress) {

    /** Options with the store at {@code results/attnlab.db}, as the experiment commands use it. */
    public static RunOptions in(Path results, boolean resume, Integer parallel, String sparkMaster,
                                Consumer<String> progress) {
        return new RunOptions(results, results.resolve("attnlab.db"), resume, parallel, sparkMaster, progress);
    }
}
