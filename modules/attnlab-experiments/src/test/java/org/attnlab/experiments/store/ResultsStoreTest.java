package org.attnlab.experiments.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
    void failedFileWriteKeepsTheOldFileAndLeavesNoTempFile() throws IOException {
        Path target = dir.resolve("summary.json");
        AtomicFiles.writeString(target, "old");
        assertThrows(java.io.UncheckedIOException.class, () -> AtomicFiles.write(target, tmp -> {
            Files.writeString(tmp, "half");
            throw new IOException("killed");
        }));
        assertEquals("old", Files.readString(target));
        assertFalse(Files.exists(dir.resolve("summary.json" + AtomicFiles.TEMP_SUFFIX)));
    }

    private static MetricRow row(long step) {
        return new MetricRow(step, step / 4.0, 1.0, 0.9, 0.5, 0.1, step, 100);
    }
}
