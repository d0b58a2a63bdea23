package org.attnlab.models.transformer;

/** How token positions are added to the embeddings. */
public enum PositionalKind {
    /** Fixed sine/cosine table, see {@link PositionalEncoding#table}. */
    SINUSOIDAL,
    /** A trained {@code [maxLen, dModel]} table per side. */
    LEARNED,
    /** No position information. */
    NONE
}
