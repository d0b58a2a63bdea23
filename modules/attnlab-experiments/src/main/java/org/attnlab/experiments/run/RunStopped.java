package org.attnlab.experiments.run;

/**
 * Thrown by a {@link RunProgress} to stop a run on purpose (e.g. a sweep prunes its trial): the runner records the run
 * as failed with this message as its reason and logs one line, not an error with a stack trace.
 */
public class RunStopped extends RuntimeException {
    public RunStopped(String reason) {
        super(reason, null, false, false);
    }

    /** The recorded reason: the message alone. */
    @Override
    public String toString() {
        return getMessage();
    }
}
