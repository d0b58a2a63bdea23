package org.attnlab.sweeps.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import org.attnlab.experiments.store.Sqlite;
import org.attnlab.experiments.store.StoreException;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Sweep state in SQLite, tables {@code sweep} and {@code sweep_trial} (created when missing), in the database file the
 * experiments' results store also uses (opened by {@link Sqlite}). Every change is its own committed transaction;
 * methods are thread-safe.
 */
public final class SweepStore implements AutoCloseable {

    private static final String SCHEMA = """
            CREATE TABLE IF NOT EXISTS sweep (
              name        TEXT PRIMARY KEY,
              config_file TEXT NOT NULL,
              base_file   TEXT NOT NULL,
              metric      TEXT NOT NULL,
              direction   TEXT NOT NULL CHECK (direction IN ('min', 'max')),
              seed        INTEGER NOT NULL,
              max_trials  INTEGER,
              created_at  TEXT NOT NULL,
              space       TEXT
            );
            CREATE TABLE IF NOT EXISTS sweep_trial (
              sweep       TEXT NOT NULL REFERENCES sweep(name),
              trial       INTEGER NOT NULL,
              state       TEXT NOT NULL CHECK (state IN ('queued', 'running', 'done', 'failed', 'pruned')),
              params      TEXT NOT NULL,
              flat_params TEXT NOT NULL,
              seed        INTEGER NOT NULL,
              score       REAL,
              metrics     TEXT,
              curve       TEXT,
              reason      TEXT,
              queued_at   TEXT NOT NULL,
              started_at  TEXT,
              finished_at TEXT,
              PRIMARY KEY (sweep, trial)
            );
            """;
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();

    private final Connection connection;

    private SweepStore(Connection connection) {
        this.connection = connection;
    }

    /**
     * Opens (creating if needed) the database file and the sweep tables.
     *
     * @throws StoreException with a one-line reason, as {@link Sqlite#open}
     */
    public static SweepStore open(Path db) {
        return new SweepStore(Sqlite.open(db, true, c -> {
            try (Statement s = c.createStatement()) {
                for (String ddl : SCHEMA.split(";")) {
                    if (!ddl.isBlank()) {
                        s.execute(ddl);
                    }
                }
                try (ResultSet columns = s.executeQuery("SELECT count(*) FROM pragma_table_info('sweep') WHERE name = 'space'")) {
                    if (columns.next() && columns.getInt(1) == 0) {
                        s.execute("ALTER TABLE sweep ADD COLUMN space TEXT");     // a store written before 'space'
                    }
                }
            }
        }));
    }

    /** The sweep called {@code name}, if stored. */
    public synchronized Optional<SweepRow> sweep(String name) {
        String sql = "SELECT name, config_file, base_file, metric, direction, seed, max_trials, space FROM sweep"
                + " WHERE name = ?";
        try (PreparedStatement p = connection.prepareStatement(sql)) {
            p.setString(1, name);
            try (ResultSet r = p.executeQuery()) {
                Optional<SweepRow> row = r.next()
                        ? Optional.of(new SweepRow(r.getString(1), r.getString(2), r.getString(3), r.getString(4),
                        r.getString(5), r.getLong(6), (Integer) r.getObject(7), r.getString(8)))
                        : Optional.empty();
                return row;
            }
        } catch (SQLException e) {
            throw failed("read sweep " + name, e);
        }
    }

    /** Records a new sweep. */
    public synchronized void createSweep(SweepRow row) {
        update("create sweep " + row.name(), "INSERT INTO sweep (name, config_file, base_file, metric, direction, seed,"
                        + " max_trials, created_at, space) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                row.name(), row.configFile(), row.baseFile(), row.metric(), row.direction().toLowerCase(Locale.ROOT),
                row.seed(), row.maxTrials(), now(), row.space());
    }

    /** Adds trial {@code index} in state queued. */
    public synchronized void queue(String sweep, int index, Map<String, Object> params, double[] flatParams, long seed) {
        update("queue trial " + index, "INSERT INTO sweep_trial (sweep, trial, state, params, flat_params, seed, queued_at)"
                + " VALUES (?, ?, 'queued', ?, ?, ?, ?)", sweep, index, json(params), json(flatParams), seed, now());
    }

    /** Marks trial {@code index} as running. */
    public synchronized void markRunning(String sweep, int index) {
        update("start trial " + index, "UPDATE sweep_trial SET state = 'running', started_at = ? WHERE sweep = ? AND trial = ?",
                now(), sweep, index);
    }

    /** Records how trial {@code index} ended. */
    public synchronized void finish(String sweep, int index, TrialOutcome outcome) {
        update("finish trial " + index, "UPDATE sweep_trial SET state = ?, score = ?, metrics = ?, curve = ?, reason = ?,"
                        + " finished_at = ? WHERE sweep = ? AND trial = ?",
                outcome.state().dbName(), outcome.score(), json(outcome.metrics()), json(outcome.curve()),
                outcome.reason(), now(), sweep, index);
    }

    /** Puts trials left running by a crashed run back in the queue; returns how many. */
    public synchronized int requeueInterrupted(String sweep) {
        return update("re-queue interrupted trials", "UPDATE sweep_trial SET state = 'queued', started_at = NULL"
                + " WHERE sweep = ? AND state = 'running'", sweep);
    }

    /** All trials of {@code sweep}, by index. */
    public synchronized List<TrialRecord> trials(String sweep) {
        String sql = "SELECT trial, state, params, flat_params, seed, score, metrics, curve, reason FROM sweep_trial"
                + " WHERE sweep = ? ORDER BY trial";
        try (PreparedStatement p = connection.prepareStatement(sql)) {
            p.setString(1, sweep);
            List<TrialRecord> out = new ArrayList<>();
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    out.add(new TrialRecord(r.getInt(1), TrialState.valueOf(r.getString(2).toUpperCase(Locale.ROOT)),
                            read(r.getString(3), new TypeReference<LinkedHashMap<String, Object>>() { }),
                            read(r.getString(4), new TypeReference<double[]>() { }), r.getLong(5),
                            (Double) r.getObject(6),
                            r.getString(7) == null ? Map.of() : read(r.getString(7), new TypeReference<Map<String, Double>>() { }),
                            r.getString(8) == null ? new TreeMap<>() : read(r.getString(8), new TypeReference<TreeMap<Long, Double>>() { }),
                            r.getString(9)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw failed("read trials of " + sweep, e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new StoreException("cannot close sweep store", e);
        }
    }

    /** Runs one statement; in auto-commit mode it is its own transaction. */
    private int update(String what, String sql, Object... args) {
        try (PreparedStatement p = connection.prepareStatement(sql)) {
            Sqlite.bind(p, args);
            return p.executeUpdate();
        } catch (SQLException e) {
            throw failed(what, e);
        }
    }

    private static StoreException failed(String what, SQLException cause) {
        return new StoreException("sweep store: cannot " + what, cause);
    }

    private static String now() {
        return Instant.now().toString();
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new StoreException("cannot encode " + value, e);
        }
    }

    private static <T> T read(String text, TypeReference<T> type) {
        try {
            return JSON.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new StoreException("corrupt JSON in sweep store: " + text, e);
        }
    }
}
