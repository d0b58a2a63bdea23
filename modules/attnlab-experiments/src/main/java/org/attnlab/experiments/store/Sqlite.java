package org.attnlab.experiments.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.sqlite.SQLiteConfig;

/**
 * Opens AttnLab's SQLite file ({@code results/attnlab.db}, shared by the results store and the sweep store) the one
 * way both use it: parent folders created, a busy timeout set before anything else (another process may be writing),
 * then the write-ahead log (readers never block the writer) and, when asked, enforcement of REFERENCES clauses (it
 * cannot change inside a transaction, so it is set here). Transactions are the caller's.
 */
public final class Sqlite {
    /** How long a writer waits for another's lock before failing. */
    public static final int BUSY_TIMEOUT_MS = 60_000;

    private Sqlite() {
    }

    /** A connection to {@code file} (created if missing), in auto-commit mode. */
    public static Connection open(Path file, boolean foreignKeys) throws SQLException, IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        SqliteNative.useCacheFolder();
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.enforceForeignKeys(foreignKeys);
        return config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
    }
}
