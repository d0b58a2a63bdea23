package org.attnlab.datasets.text;

/** The three parts of a corpus. */
public enum Split {
    /** Training part. */
    TRAIN,
    /** Validation part. */
    VALID,
    /** Test part. */
    TEST
}
