package org.attnlab.sweeps.config;

/** A sweep file that cannot be used; the message names the file, the key path and the reason. */
public final class SweepConfigException extends RuntimeException {

    public SweepConfigException(String file, String keyPath, String reason) {
        super(file + ": " + (keyPath.isEmpty() ? "" : keyPath + ": ") + reason);
    }
}
