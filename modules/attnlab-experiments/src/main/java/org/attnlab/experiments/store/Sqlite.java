package org.attnlab.experiments.store;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.Collections;
import org.attnlab.config.Excerpt;
import org.sqlite.SQLiteConfig;

/**
 * Opens AttnLab's SQLite file ({@code results/attnlab.db}, shared by the results store and the sweep store) the one
 * way both use it: refused when it is a folder or a device, parent folders created, a busy timeout set before
 * anything else (another process may be writing), then the write-ahead log (readers never block the writer) and, when
 * asked, enforcement of REFERENCES clauses (it cannot change inside a transaction, so it is set here). Also the
 * stores' shared plumbing: write transactions, and REAL columns where NULL stands for NaN.
 */
public final class Sqlite {
    /** How long a writer waits for another's lock before failing. */
    public static final int BUSY_TIMEOUT_MS = 60_000;

    private Sqlite() {
    }

    /**
     * A connection to {@code file} (created if missing) in auto-commit mode, after {@code schema} ran on it (e.g.
     * {@code CREATE TABLE IF NOT EXISTS}).
     *
     * @throws StoreException with a one-line reason when {@code file} is a folder, a device, under a file, not an
     *                        SQLite database or cannot be created
     */
    public static Connection open(Path file, boolean foreignKeys, Schema schema) {
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            throw new StoreException(file + (Files.isDirectory(file) ? " is a folder" : " is not a regular file")
                    + ", not a results database", null);
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (IOException | SecurityException e) {
            throw new StoreException("cannot create the folder of " + file + ": " + whyNot(e), e);
        }
        SqliteNative.useCacheFolder();
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.enforceForeignKeys(foreignKeys);
        Connection c = null;
        try {
            c = config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
            schema.create(c);
            return c;
        } catch (SQLException e) {
            close(c, e);
            throw cannotOpen(file, e);
        }
    }

    /**
     * Whether the SQLite file {@code file} holds a table named one of {@code names}. It is opened read-only, so a
     * database that is not AttnLab's is left exactly as it was.
     *
     * @throws StoreException as {@link #open} when it is not an SQLite database
     */
    public static boolean hasAnyTable(Path file, String... names) {
        SqliteNative.useCacheFolder();
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        String sql = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ("
                + String.join(", ", Collections.nCopies(names.length, "?")) + ")";
        try (Connection c = config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
             PreparedStatement p = c.prepareStatement(sql)) {
            for (int i = 0; i < names.length; i++) {
                p.setString(i + 1, names[i]);
            }
            try (ResultSet r = p.executeQuery()) {
                return r.next() && r.getInt(1) > 0;
            }
        } catch (SQLException e) {
            throw cannotOpen(file, e);
        }
    }

    private static StoreException cannotOpen(Path file, SQLException e) {
        String why = String.valueOf(e.getMessage()).contains("SQLITE_NOTADB")
                ? "not an SQLite database" : Excerpt.line(String.valueOf(e.getMessage()), 120);
        return new StoreException("cannot open the results database " + file + ": " + why, e);
    }

    /**
     * Runs {@code work} on {@code db} as one write transaction; rolls back and rethrows (as a {@link StoreException})
     * on failure. The transaction takes the write lock when it begins ({@code BEGIN IMMEDIATE}), so two processes
     * never deadlock upgrading a read to a write. Callers sharing a connection between threads synchronise.
     */
    public static void inTransaction(Connection db, SqlWork work) {
        try (Statement s = db.createStatement()) {
            s.execute("BEGIN IMMEDIATE");
            try {
                work.run();
                s.execute("COMMIT");
            } catch (SQLException | RuntimeException e) {
                try {
                    s.execute("ROLLBACK");
                } catch (SQLException suppressed) {
                    e.addSuppressed(suppressed);
                }
                throw e;
            }
        } catch (SQLException | RuntimeException e) {
            throw e instanceof StoreException s ? s : new StoreException("cannot write to the results database: "
                    + (String.valueOf(e.getMessage()).contains("SQLITE_FULL") ? "the disk is full"
                    : Excerpt.line(String.valueOf(e.getMessage()), 120)), e);
        }
    }

    /** Binds {@code args} to the parameters of {@code p}, in order; a NaN or infinite double becomes NULL. */
    public static void bind(PreparedStatement p, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            if (args[i] instanceof Double d) {
                setReal(p, i + 1, d);
            } else {
                p.setObject(i + 1, args[i]);
            }
        }
    }

    /** Sets a REAL parameter; NaN and infinities are stored as NULL. */
    public static void setReal(PreparedStatement p, int index, double v) throws SQLException {
        if (Double.isFinite(v)) {
            p.setDouble(index, v);
        } else {
            p.setNull(index, Types.REAL);
        }
    }

    /** A REAL column; NULL reads as NaN. */
    public static double real(ResultSet rs, int column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? Double.NaN : v;
    }

    private static void close(Connection c, Exception failure) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException suppressed) {
                failure.addSuppressed(suppressed);
            }
        }
    }

    private static String whyNot(Exception e) {
        if (e instanceof FileAlreadyExistsException) {
            return "a file is in the way";
        }
        if (e instanceof AccessDeniedException || e instanceof SecurityException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "its parent cannot hold new folders";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return Excerpt.line(f.getReason(), 120);
        }
        return "the system refused (" + e.getClass().getSimpleName().replace("Exception", "") + ")";
    }

    /** A unit of SQL work inside a transaction. */
    @FunctionalInterface
    public interface SqlWork {
        void run() throws SQLException;
    }

    /** Creates a store's tables on a new connection. */
    @FunctionalInterface
    public interface Schema {
        void create(Connection c) throws SQLException;
    }
}
