package org.attnlab.experiments.store;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Claims on runs, table {@code claims}: a process trains a run only while it holds the run's claim, so several
 * processes sharing a results folder train each run once. A claim is taken over when it is stale: its process is gone
 * (same host: no live process with that pid and start time, so a {@code kill -9} frees it at once) or, from another
 * host, when it has not been renewed for {@link #STALE_AFTER}.
 */
public final class RunClaims {
    /** A claim from another host not renewed for this long is taken over. */
    public static final Duration STALE_AFTER = Duration.ofMinutes(30);
    private static final String HOST = hostName();
    private static final ProcessHandle SELF = ProcessHandle.current();

    private final ResultsStore store;

    RunClaims(ResultsStore store) {
        this.store = store;
    }

    static void createTable(Statement s) throws SQLException {
        s.execute("CREATE TABLE IF NOT EXISTS claims (run_id TEXT PRIMARY KEY, host TEXT NOT NULL, pid INTEGER NOT NULL, "
                + "started TEXT NOT NULL, renewed TEXT NOT NULL)");
    }

    /**
     * Takes the claim on {@code runId} when it is free, stale or already ours; false when a live process holds it or
     * the run has completed meanwhile (checked in the same transaction, so a run finished by another process an
     * instant ago is not trained again).
     */
    public boolean tryClaim(String runId) {
        boolean[] taken = {false};
        store.inTransaction(() -> {
            if (completed(runId)) {
                return;
            }
            Optional<Holder> holder = holder(runId);
            if (holder.isPresent() && !holder.get().isSelf() && !holder.get().isStale()) {
                return;
            }
            try (PreparedStatement p = store.connection().prepareStatement(
                    "INSERT OR REPLACE INTO claims (run_id, host, pid, started, renewed) VALUES (?,?,?,?,?)")) {
                p.setString(1, runId);
                p.setString(2, HOST);
                p.setLong(3, SELF.pid());
                p.setString(4, processStart(SELF));
                p.setString(5, Instant.now().toString());
                p.executeUpdate();
            }
            taken[0] = true;
        });
        return taken[0];
    }

    /** Marks our claim on {@code runId} as alive (called at every checkpoint). */
    public void renew(String runId) {
        update("UPDATE claims SET renewed = ? WHERE run_id = ? AND host = ? AND pid = ?", Instant.now().toString(), runId);
    }

    /** Gives up our claim on {@code runId}. */
    public void release(String runId) {
        update("DELETE FROM claims WHERE run_id = ? AND host = ? AND pid = ?", null, runId);
    }

    /** Whether a live process other than this one holds {@code runId}. */
    public boolean heldByOther(String runId) {
        boolean[] held = {false};
        store.inTransaction(() -> held[0] = holder(runId).map(h -> !h.isSelf() && !h.isStale()).orElse(false));
        return held[0];
    }

    private void update(String sql, String renewed, String runId) {
        store.inTransaction(() -> {
            try (PreparedStatement p = store.connection().prepareStatement(sql)) {
                int i = 1;
                if (renewed != null) {
                    p.setString(i++, renewed);
                }
                p.setString(i++, runId);
                p.setString(i++, HOST);
                p.setLong(i, SELF.pid());
                p.executeUpdate();
            }
        });
    }

    private boolean completed(String runId) throws SQLException {
        try (PreparedStatement p = store.connection().prepareStatement("SELECT status FROM runs WHERE run_id = ?")) {
            p.setString(1, runId);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() && RunSummary.COMPLETED.equals(rs.getString(1));
            }
        }
    }

    private Optional<Holder> holder(String runId) throws SQLException {
        try (PreparedStatement p = store.connection().prepareStatement(
                "SELECT host, pid, started, renewed FROM claims WHERE run_id = ?")) {
            p.setString(1, runId);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() ? Optional.of(new Holder(rs.getString(1), rs.getLong(2), rs.getString(3),
                        Instant.parse(rs.getString(4)))) : Optional.empty();
            }
        }
    }

    /** The process holding a claim. */
    private record Holder(String host, long pid, String started, Instant renewed) {
        boolean isSelf() {
            return HOST.equals(host) && SELF.pid() == pid;
        }

        boolean isStale() {
            if (!HOST.equals(host)) {
                return renewed.plus(STALE_AFTER).isBefore(Instant.now());
            }
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).map(RunClaims::processStart)
                    .map(s -> !s.equals(started)).orElse(true);
        }
    }

    /** The start instant of a process (with its pid, it tells a live holder from a recycled pid). */
    private static String processStart(ProcessHandle p) {
        return p.info().startInstant().map(Instant::toString).orElse("");
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
