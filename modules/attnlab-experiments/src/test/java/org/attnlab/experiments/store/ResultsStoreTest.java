package org.attnlab.experiments.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writes that fail halfway leave the previous state, in SQLite and in files. */
class ResultsStoreTest {
    @TempDir
    Path dir;

    @Test
    void failedMetricsWriteRollsBackToThePreviousRows() {
        try (ResultsStore store = ResultsStore.open(dir.resolve("r.db"))) {
            store.putRun(RunSummary.started("r1", "e", "v", 1, 10));
            List<MetricRow> first = List.of(row(3), row(6));
            store.putMetrics("r1", first);
            // The second row repeats a step: the insert fails after the old rows were deleted in the same transaction.
            assertThrows(StoreException.class, () -> store.putMetrics("r1", List.of(row(3), row(6), row(9), row(9))));
            assertEquals(first, store.metrics("r1"));
        }
        try (ResultsStore reopened = ResultsStore.open(dir.resolve("r.db"))) {
            assertEquals(2, reopened.metrics("r1").size());
            assertEquals(RunSummary.RUNNING, reopened.run("r1").status());
        }
    }

    @Test
    void databaseWrittenBeforeBleuGetsTheColumnAndKeepsItsRows() throws java.sql.SQLException {
        Path db = dir.resolve("old.db");
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db);
             java.sql.Statement s = c.createStatement()) {
            s.execute("CREATE TABLE runs (run_id TEXT PRIMARY KEY, experiment TEXT NOT NULL, variant TEXT NOT NULL, "
                    + "seed INTEGER NOT NULL, status TEXT NOT NULL, reason TEXT, parameters INTEGER, steps INTEGER, "
                    + "seconds REAL, seconds_per_epoch REAL, tokens_per_second REAL, test_loss REAL, "
                    + "test_token_acc REAL, test_seq_acc REAL, updated TEXT NOT NULL)");
            s.execute("INSERT INTO runs VALUES ('old', 'e', 'v', 1, 'completed', '', 10, 6, 1, 1, 1, 0.5, 0.9, 0.2, 'x')");
        }
        try (ResultsStore store = ResultsStore.open(db)) {
            RunSummary old = store.run("old");
            assertEquals(0.9, old.testTokenAcc(), 0.0);
            assertTrue(Double.isNaN(old.testBleu()));
            RunSummary withBleu = new RunSummary("new", "e", "v", 2, RunSummary.COMPLETED, "", 10, 6, 1, 1, 1, 0.5, 0.9,
                    0.2, 0.25);
            store.putRun(withBleu);
            assertEquals(withBleu, store.run("new"));
        }
    }

    @Test
    void failedFileWriteKeepsTheOldFileAndLeavesNoTempFile() throws IOException {
        Path target = dir.resolve("summary.json");
        AtomicFiles.writeString(target, "old");
        var e = assertThrows(java.io.UncheckedIOException.class, () -> AtomicFiles.write(target, tmp -> {
            Files.writeString(tmp, "half");
            throw new IOException("No space left on device");
        }));
        assertEquals("cannot write " + target + ": No space left on device", e.getMessage());
        assertEquals("old", Files.readString(target));
        try (var files = Files.list(dir)) {
            assertEquals(List.of(target), files.toList());
        }
    }

    @Test
    void writersOfOneFileAtOnceEachLeaveAWholeFile() throws Exception {
        Path target = dir.resolve("report.md");
        int writers = 4;
        var start = new java.util.concurrent.CountDownLatch(1);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(writers);
        try {
            List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
            for (int w = 0; w < writers; w++) {
                String text = ("writer " + w + "\n").repeat(1000);
                done.add(pool.submit(() -> {
                    start.await();
                    AtomicFiles.write(target, tmp -> {
                        Files.writeString(tmp, text.substring(0, 500));
                        sleep(30);
                        Files.writeString(tmp, text.substring(500), java.nio.file.StandardOpenOption.APPEND);
                    });
                    return null;
                }));
            }
            start.countDown();
            for (var f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        String last = Files.readString(target);
        assertTrue(last.equals(last.substring(0, 9).repeat(1000)), "a whole file from one writer");
        try (var files = Files.list(dir)) {
            assertEquals(List.of(target), files.toList());
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static MetricRow row(long step) {
        return new MetricRow(step, step / 4.0, 1.0, 0.9, 0.5, 0.1, step, 100);
    }
}
