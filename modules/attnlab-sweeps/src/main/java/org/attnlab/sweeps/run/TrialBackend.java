package org.attnlab.sweeps.run;

import org.attnlab.sweeps.store.TrialOutcome;

/** Where trials execute: in this JVM or elsewhere (Spark); results always come back to the caller. */
public interface TrialBackend extends AutoCloseable {

    /** Runs one trial to its end and returns how it ended. */
    TrialOutcome execute(TrialSpec spec);

    /** How many trials this backend runs well at once when the user does not say. */
    int defaultParallelism();

    @Override
    default void close() {
    }
}
