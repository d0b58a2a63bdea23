package org.attnlab.experiments.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteTest {
    @Test
    void opensInWalModeWithABusyTimeoutAutoCommitAndTheAskedForeignKeyRule(@TempDir Path dir) throws Exception {
        for (boolean fk : new boolean[] {true, false}) {
            try (Connection c = Sqlite.open(dir.resolve("a/b/attnlab.db"), fk, SqliteTest::schema);
                 Statement s = c.createStatement()) {
                assertTrue(c.getAutoCommit());
                assertEquals("0", single(s, "SELECT count(*) FROM t"), "the schema ran");
                assertEquals("wal", single(s, "PRAGMA journal_mode"));
                assertEquals(String.valueOf(Sqlite.BUSY_TIMEOUT_MS), single(s, "PRAGMA busy_timeout"));
                assertEquals(fk ? "1" : "0", single(s, "PRAGMA foreign_keys"));
            }
        }
    }

    @Test
    void refusesAFolderAFileInTheWayAndAFileThatIsNoDatabaseInOneLine(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("folder"));
        Files.writeString(dir.resolve("file"), "x");
        Files.writeString(dir.resolve("text.db"), "not an SQLite database, just text\n".repeat(200));
        assertEquals(dir.resolve("folder") + " is a folder, not a results database", refused(dir.resolve("folder")));
        assertTrue(refused(dir.resolve("file/sub/attnlab.db")).startsWith("cannot create the folder of "));
        assertTrue(refused(dir.resolve("text.db")).endsWith(": not an SQLite database"));
    }

    @Test
    void nanAndInfinityAreStoredAsNullAndNullReadsAsNan(@TempDir Path dir) throws Exception {
        try (Connection c = Sqlite.open(dir.resolve("attnlab.db"), false, SqliteTest::schema)) {
            try (PreparedStatement p = c.prepareStatement("INSERT INTO t VALUES (?), (?), (?), (?)")) {
                Sqlite.bind(p, 1.5, Double.NaN, Double.POSITIVE_INFINITY, null);
                p.executeUpdate();
            }
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT x FROM t ORDER BY rowid")) {
                r.next();
                assertEquals(1.5, Sqlite.real(r, 1));
                for (int i = 0; i < 3; i++) {
                    r.next();
                    assertTrue(Double.isNaN(Sqlite.real(r, 1)));
                }
            }
        }
    }

    private static String refused(Path file) {
        return assertThrows(StoreException.class, () -> Sqlite.open(file, false, SqliteTest::schema)).getMessage();
    }

    private static void schema(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS t (x REAL)");
        }
    }

    private static String single(Statement s, String sql) throws Exception {
        try (ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getString(1);
        }
    }
}
