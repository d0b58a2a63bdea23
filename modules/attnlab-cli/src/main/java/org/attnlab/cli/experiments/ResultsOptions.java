package org.attnlab.cli.experiments;

import java.nio.file.Path;
import org.attnlab.experiments.store.ResultsStore;
import picocli.CommandLine.Option;

/** Where results live: {@code --results DIR} and {@code --db FILE}, shared by the experiment and sweep commands. */
public final class ResultsOptions {
    @Option(names = "--results", defaultValue = "results", paramLabel = "DIR",
            description = "Results folder (default ${DEFAULT-VALUE}).")
    Path dir;

    @Option(names = "--db", paramLabel = "FILE", description = "SQLite index (default DIR/attnlab.db).")
    Path db;

    /** The results folder. */
    public Path dir() {
        return dir;
    }

    /** The SQLite index. */
    public Path db() {
        return db != null ? db : dir.resolve("attnlab.db");
    }

    /** Opens the SQLite index. */
    public ResultsStore open() {
        return ResultsStore.open(db());
    }
}
