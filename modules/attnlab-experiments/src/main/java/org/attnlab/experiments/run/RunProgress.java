package org.attnlab.experiments.run;

import org.attnlab.experiments.store.MetricRow;
import org.attnlab.experiments.store.RunSummary;

/** Receives a run's progress (console bar, log lines, tests). */
public interface RunProgress {
    /** A run starts (or resumes at {@code done} of {@code total} steps). */
    void started(RunSpec run, long total, long done);

    /** One optimizer step finished. */
    void stepped(long step);

    /** A validation point was checkpointed. */
    void validated(MetricRow row);

    /** The run ended (completed or failed). */
    void ended(RunSummary summary);
}
