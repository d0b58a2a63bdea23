package org.attnlab.experiments.store;

import static org.attnlab.experiments.store.Sqlite.real;
import static org.attnlab.experiments.store.Sqlite.setReal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The SQL index of all runs ({@code results/attnlab.db}): tables {@code runs}, {@code metrics} and {@code claims}. Every
 * write is one transaction, so a process killed mid-write leaves the previous state; several processes may share one
 * database (see {@link RunClaims}).
 */
public final class ResultsStore implements AutoCloseable {
    private static final String RUN_COLUMNS = "run_id, experiment, variant, seed, status, reason, parameters, steps, "
            + "seconds, seconds_per_epoch, tokens_per_second, test_loss, test_token_acc, test_seq_acc, test_bleu";
    private final Connection db;
    private final RunClaims claims;

    private ResultsStore(Connection db) {
        this.db = db;
        this.claims = new RunClaims(this);
    }

    /**
     * Opens (creating if needed) the database at {@code file}.
     *
     * @throws StoreException with a one-line reason when {@code file} is a folder, a device, under a file, not an
     *                        SQLite database or cannot be created ({@link Sqlite#open})
     */
    public static ResultsStore open(Path file) {
        // No foreign-key enforcement: INSERT OR REPLACE of a run would trip over its metrics rows.
        return new ResultsStore(Sqlite.open(file, false, ResultsStore::createTables));
    }

    /**
     * Opens the database at {@code file} only if it exists and AttnLab wrote it (a {@code runs} or sweep table), for
     * commands that read results: another program's SQLite file is refused untouched.
     */
    public static ResultsStore openExisting(Path file) {
        if (!Files.exists(file)) {
            throw new StoreException("no results database at " + file + " (nothing recorded there yet)", null);
        }
        if (Files.isRegularFile(file) && !Sqlite.hasAnyTable(file, "runs", "sweep")) {
            throw new StoreException(file + " holds no AttnLab results (no runs or sweep table): not a results "
                    + "database AttnLab wrote", null);
        }
        return open(file);
    }

    private static void createTables(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS runs (run_id TEXT PRIMARY KEY, experiment TEXT NOT NULL, "
                    + "variant TEXT NOT NULL, seed INTEGER NOT NULL, status TEXT NOT NULL, reason TEXT, "
                    + "parameters INTEGER, steps INTEGER, seconds REAL, seconds_per_epoch REAL, "
                    + "tokens_per_second REAL, test_loss REAL, test_token_acc REAL, test_seq_acc REAL, "
                    + "updated TEXT NOT NULL, test_bleu REAL)");
            addColumnIfMissing(c, "runs", "test_bleu", "REAL");
            s.execute("CREATE TABLE IF NOT EXISTS metrics (run_id TEXT NOT NULL REFERENCES runs(run_id), "
                    + "step INTEGER NOT NULL, epoch REAL, train_loss REAL, val_loss REAL, val_token_acc REAL, "
                    + "val_seq_acc REAL, seconds REAL, tokens_per_second REAL, PRIMARY KEY (run_id, step))");
            s.execute("CREATE INDEX IF NOT EXISTS runs_by_experiment ON runs(experiment, variant)");
            RunClaims.createTable(s);
        }
    }

    /** Inserts or replaces the run's row. */
    public void putRun(RunSummary r) {
        inTransaction(() -> {
            try (PreparedStatement p = db.prepareStatement("INSERT OR REPLACE INTO runs (" + RUN_COLUMNS
                    + ", updated) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
                p.setString(1, r.runId());
                p.setString(2, r.experiment());
                p.setString(3, r.variant());
                p.setLong(4, r.seed());
                p.setString(5, r.status());
                p.setString(6, r.reason());
                p.setLong(7, r.parameters());
                p.setLong(8, r.steps());
                double[] reals = {r.seconds(), r.secondsPerEpoch(), r.tokensPerSecond(), r.testLoss(),
                    r.testTokenAcc(), r.testSeqAcc(), r.testBleu()};
                for (int i = 0; i < reals.length; i++) {
                    setReal(p, 9 + i, reals[i]);
                }
                p.setString(16, Instant.now().toString());
                p.executeUpdate();
            }
        });
    }

    /** Replaces the metrics of a run with {@code rows} (all or nothing). */
    public void putMetrics(String runId, List<MetricRow> rows) {
        inTransaction(() -> {
            try (PreparedStatement del = db.prepareStatement("DELETE FROM metrics WHERE run_id = ?");
                 PreparedStatement p = db.prepareStatement("INSERT INTO metrics VALUES (?,?,?,?,?,?,?,?,?)")) {
                del.setString(1, runId);
                del.executeUpdate();
                for (MetricRow m : rows) {
                    p.setString(1, runId);
                    p.setLong(2, m.step());
                    double[] reals = {m.epoch(), m.trainLoss(), m.valLoss(), m.valTokenAcc(), m.valSeqAcc(),
                        m.seconds(), m.tokensPerSecond()};
                    for (int i = 0; i < reals.length; i++) {
                        setReal(p, 3 + i, reals[i]);
                    }
                    p.addBatch();
                }
                p.executeBatch();
            }
        });
    }

    /** The run with this id, or null. */
    public RunSummary run(String runId) {
        List<RunSummary> found = runs("run_id = ?", runId);
        return found.isEmpty() ? null : found.get(0);
    }

    /** Runs of an experiment (all experiments when null), ordered by variant, seed, then last update. */
    public List<RunSummary> runs(String experiment) {
        return experiment == null ? runs("1 = 1", new String[0]) : runs("experiment = ?", experiment);
    }

    /** The claims that let processes sharing this database train each run once. */
    public RunClaims claims() {
        return claims;
    }

    /** Metric rows of a run, by step. */
    public List<MetricRow> metrics(String runId) {
        try (PreparedStatement p = db.prepareStatement("SELECT step, epoch, train_loss, val_loss, val_token_acc, "
                + "val_seq_acc, seconds, tokens_per_second FROM metrics WHERE run_id = ? ORDER BY step")) {
            p.setString(1, runId);
            List<MetricRow> out = new ArrayList<>();
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    out.add(new MetricRow(rs.getLong(1), real(rs, 2), real(rs, 3), real(rs, 4), real(rs, 5),
                            real(rs, 6), real(rs, 7), real(rs, 8)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("cannot read metrics of " + runId, e);
        }
    }

    /** Runs {@code work} as one write transaction ({@link Sqlite#inTransaction}), one thread at a time. */
    synchronized void inTransaction(Sqlite.SqlWork work) {
        Sqlite.inTransaction(db, work);
    }

    /** The connection, for the store's own helpers (claims). */
    Connection connection() {
        return db;
    }

    private List<RunSummary> runs(String where, String... args) {
        String sql = "SELECT " + RUN_COLUMNS + " FROM runs WHERE " + where + " ORDER BY experiment, variant, seed, updated";
        try (PreparedStatement p = db.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                p.setString(i + 1, args[i]);
            }
            List<RunSummary> out = new ArrayList<>();
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    out.add(new RunSummary(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                            rs.getString(5), rs.getString(6), rs.getLong(7), rs.getLong(8), real(rs, 9),
                            real(rs, 10), real(rs, 11), real(rs, 12), real(rs, 13), real(rs, 14), real(rs, 15)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("cannot read runs", e);
        }
    }

    /** Adds a column that databases written before it existed lack. */
    private static void addColumnIfMissing(Connection c, String table, String column, String type) throws SQLException {
        try (ResultSet rs = c.getMetaData().getColumns(null, null, table, column)) {
            if (rs.next()) {
                return;
            }
        }
        try (Statement s = c.createStatement()) {
            s.execute("ALTER TABLE " + table + " ADD COLUMN " + column + " " + type);
        }
    }

    @Override
    public void close() {
        try {
            db.close();
        } catch (SQLException e) {
            throw new StoreException("cannot close the results database", e);
        }
    }
}
