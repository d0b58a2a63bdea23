package org.attnlab.experiments.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Claims: a live holder keeps its run, a killed one (or a silent one on another host) loses it; listing all runs. */
public class RunClaimsTest {
    @TempDir
    Path dir;

    @Test
    void aLiveProcessKeepsItsClaimAndAKilledOneLosesIt() throws Exception {
        Path db = dir.resolve("r.db");
        Process other = new ProcessBuilder("sleep", "60").start();
        try (ResultsStore store = ResultsStore.open(db)) {
            claimAs(db, "r1", InetAddress.getLocalHost().getHostName(), other.toHandle(), Instant.now());
            assertFalse(store.claims().tryClaim("r1"), "held by a live process");
            assertTrue(store.claims().heldByOther("r1"));

            other.destroyForcibly();                                  // SIGKILL, as kill -9
            assertTrue(other.waitFor(10, TimeUnit.SECONDS));
            assertFalse(store.claims().heldByOther("r1"));
            assertTrue(store.claims().tryClaim("r1"), "the killed process's claim is stale");
            assertTrue(store.claims().tryClaim("r1"), "claiming again what we hold");
            store.claims().release("r1");
            assertFalse(store.claims().heldByOther("r1"));
        } finally {
            other.destroyForcibly();
        }
    }

    @Test
    void aClaimFromAnotherHostIsStaleOnlyWhenNotRenewed() throws Exception {
        Path db = dir.resolve("r.db");
        try (ResultsStore store = ResultsStore.open(db)) {
            claimAs(db, "fresh", "another-host", ProcessHandle.current(), Instant.now());
            claimAs(db, "old", "another-host", ProcessHandle.current(),
                    Instant.now().minus(RunClaims.STALE_AFTER).minusSeconds(1));
            assertFalse(store.claims().tryClaim("fresh"));
            assertTrue(store.claims().tryClaim("old"));
        }
    }

    @Test
    void aCompletedRunIsNeverClaimed() {
        try (ResultsStore store = ResultsStore.open(dir.resolve("r.db"))) {
            store.putRun(RunSummary.started("r1", "e", "v", 1, 10).failed("x", 0));
            assertTrue(store.claims().tryClaim("r1"), "a failed run is retried");
            store.claims().release("r1");
            store.putRun(new RunSummary("r1", "e", "v", 1, RunSummary.COMPLETED, "", 10, 6, 1, 1, 1, 0.5, 0.9, 0.2,
                    Double.NaN));
            assertFalse(store.claims().tryClaim("r1"));
        }
    }

    @Test
    void runsWithoutAnExperimentListsEveryExperiment() {
        try (ResultsStore store = ResultsStore.open(dir.resolve("r.db"))) {
            store.putRun(RunSummary.started("a1", "a", "v", 1, 10));
            store.putRun(RunSummary.started("b1", "b", "v", 1, 10));
            assertEquals(List.of("a1", "b1"), store.runs(null).stream().map(RunSummary::runId).toList());
            assertEquals(List.of("b1"), store.runs("b").stream().map(RunSummary::runId).toList());
        }
    }

    /** Writes a claim of {@code runId} held by {@code holder} on {@code host}, as another process would. */
    public static void claimAs(Path db, String runId, String host, ProcessHandle holder, Instant renewed)
            throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
             PreparedStatement p = c.prepareStatement("INSERT OR REPLACE INTO claims VALUES (?,?,?,?,?)")) {
            p.setString(1, runId);
            p.setString(2, host);
            p.setLong(3, holder.pid());
            p.setString(4, holder.info().startInstant().map(Instant::toString).orElse(""));
            p.setString(5, renewed.toString());
            p.executeUpdate();
        }
    }
}
