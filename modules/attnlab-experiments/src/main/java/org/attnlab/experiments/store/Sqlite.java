package org.attnlab.experiments.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Opens AttnLab's SQLite file ({@code results/attnlab.db}, shared by the results store and the sweep store) the one
 * way both use it: parent folders created, write-ahead log (readers never block the writer), a 10 s busy timeout for
 * concurrent writers (parallel trials, several processes), and manual commits (one transaction per change).
 */
public final class Sqlite {
    private Sqlite() {
    }

    /**
     * A connection to {@code file} (created if missing) with auto-commit off; {@code foreignKeys} turns on the
     * enforcement of REFERENCES clauses for this connection (SQLite leaves it off, and it cannot change inside a
     * transaction, so it is set here).
     */
    public static Connection open(Path file, boolean foreignKeys) throws SQLException, IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA journal_mode=WAL");
            s.execute("PRAGMA busy_timeout=10000");
            s.execute("PRAGMA foreign_keys=" + (foreignKeys ? "ON" : "OFF"));
        }
        c.setAutoCommit(false);
        return c;
    }
}
