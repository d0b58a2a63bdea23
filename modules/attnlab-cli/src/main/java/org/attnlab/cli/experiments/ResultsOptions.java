package org.attnlab.cli.experiments;

import java.nio.file.Files;
import java.nio.file.Path;
import org.attnlab.experiments.store.ResultsStore;
import org.attnlab.experiments.store.ResultsFolder;
import org.attnlab.experiments.store.StoreException;
import picocli.CommandLine.Option;

/** Where results live: {@code --results DIR} and {@code --db FILE}, shared by the experiment and sweep commands. */
public final class ResultsOptions {
    @Option(names = "--results", defaultValue = "results", paramLabel = "DIR",
            description = "Results folder (default ${DEFAULT-VALUE}).")
    Path dir;

    @Option(names = "--db", paramLabel = "FILE", description = "SQLite index (default DIR/attnlab.db).")
    Path db;

    /** The results folder; refuses an empty name and a path that is not a folder. */
    public Path dir() {
        if (dir.toString().isBlank()) {
            throw new StoreException("--results needs a folder name, was empty", null);
        }
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new StoreException("--results " + dir + " is not a folder", null);
        }
        return dir;
    }

    /** The folder of experiment (or sweep) {@code name} in the results folder; refuses symbolic links in it. */
    public Path experimentDir(String name) {
        return ResultsFolder.experiment(dir(), name);
    }

    /** The SQLite index (default DIR/attnlab.db); refuses an empty name. */
    public Path db() {
        Path folder = dir();
        if (db != null && db.toString().isBlank()) {
            throw new StoreException("--db needs a file name, was empty", null);
        }
        return db != null ? db : folder.resolve("attnlab.db");
    }

    /** Opens the SQLite index, creating the folder and the database if needed (for commands that write). */
    public ResultsStore open() {
        return ResultsStore.open(db());
    }

    /** Opens an existing SQLite index; creates nothing (for commands that only read). */
    public ResultsStore openExisting() {
        return ResultsStore.openExisting(db());
    }
}
