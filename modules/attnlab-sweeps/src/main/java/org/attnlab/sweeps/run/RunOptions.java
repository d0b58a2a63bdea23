package org.attnlab.sweeps.run;

import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * How to run a sweep: the SQLite file, whether to resume a stored sweep, how many trials at once (null: from the
 * backend), a Spark master URL (null: run in this JVM) and where progress lines go.
 */
public record RunOptions(Path db, boolean resume, Integer parallel, String sparkMaster, Consumer<String> progress) {

    /** The default database, shared with the experiments module. */
    public static final Path DEFAULT_DB = Path.of("results", "attnlab.db");
}
