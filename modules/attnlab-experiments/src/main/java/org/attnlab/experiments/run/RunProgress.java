package org.attnlab.experiments.run;

import java.util.List;
import org.attnlab.experiments.store.MetricRow;
import org.attnlab.experiments.store.RunSummary;

/** Receives a run's progress (console bar, log lines, tests). */
public interface RunProgress {
    /** A run starts (or resumes at {@code done} of {@code total} steps). */
    void started(RunSpec run, long total, long done);

    /**
     * The runs {@code runs} start (or resume at {@code done} of {@code total} steps) training together as one
     * ensemble; by default each is {@link #started}.
     */
    default void membersStarted(List<RunSpec> runs, long total, long done) {
        runs.forEach(run -> started(run, total, done));
    }

    /** One optimizer step finished. */
    void stepped(long step);

    /** A validation point was checkpointed. */
    void validated(MetricRow row);

    /** A validation point of {@code run}, a member of an ensemble, was checkpointed; by default {@link #validated}. */
    default void memberValidated(RunSpec run, MetricRow row) {
        validated(row);
    }

    /** The run ended (completed or failed). */
    void ended(RunSummary summary);
}
