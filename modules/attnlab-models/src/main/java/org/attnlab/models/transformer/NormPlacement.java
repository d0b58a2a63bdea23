package org.attnlab.models.transformer;

/** Where a sublayer's layer norm sits relative to its residual connection. */
public enum NormPlacement {
    /** {@code norm(x + sublayer(x))}, as in Vaswani et al. (2017). */
    POST,
    /** {@code x + sublayer(norm(x))}, with a final norm after the stack. */
    PRE
}
