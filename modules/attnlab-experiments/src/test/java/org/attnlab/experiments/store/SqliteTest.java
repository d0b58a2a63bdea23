package org.attnlab.experiments.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteTest {
    @Test
    void opensInWalModeWithABusyTimeoutAutoCommitAndTheAskedForeignKeyRule(@TempDir Path dir) throws Exception {
        for (boolean fk : new boolean[] {true, false}) {
            try (Connection c = Sqlite.open(dir.resolve("a/b/attnlab.db"), fk); Statement s = c.createStatement()) {
                assertTrue(c.getAutoCommit());
                assertEquals("wal", single(s, "PRAGMA journal_mode"));
                assertEquals(String.valueOf(Sqlite.BUSY_TIMEOUT_MS), single(s, "PRAGMA busy_timeout"));
                assertEquals(fk ? "1" : "0", single(s, "PRAGMA foreign_keys"));
            }
        }
    }

    private static String single(Statement s, String sql) throws Exception {
        try (ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getString(1);
        }
    }
}
