package org.attnlab.datasets.sword;

/** The two halves of a SWORD Bible module, each stored in its own three files ({@code ot.bz?}, {@code nt.bz?}). */
public enum Testament {
    /** Old Testament, files {@code ot.bzs / ot.bzv / ot.bzz}. */
    OLD("ot"),
    /** New Testament, files {@code nt.bzs / nt.bzv / nt.bzz}. */
    NEW("nt");

    private final String prefix;

    Testament(String prefix) {
        this.prefix = prefix;
    }

    /** File name prefix, "ot" or "nt". */
    public String prefix() {
        return prefix;
    }
}
