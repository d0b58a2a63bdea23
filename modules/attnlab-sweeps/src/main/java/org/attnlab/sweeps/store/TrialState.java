package org.attnlab.sweeps.store;

/** Life cycle of a trial in the store: queued, running, then done, failed or pruned. */
public enum TrialState {
    QUEUED, RUNNING, DONE, FAILED, PRUNED;

    /** True once the trial will not run again. */
    public boolean finished() {
        return this == DONE || this == FAILED || this == PRUNED;
    }

    /** The lower-case name stored in the database. */
    public String dbName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
