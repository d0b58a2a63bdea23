package org.attnlab.datasets.iter;

/**
 * A source token sequence and its target sequence (token ids; 0 is padding in every vocabulary here).
 * A target position holding {@link #NO_TARGET} has no label: its label mask is 0.
 */
public record SequenceExample(int[] source, int[] target) {

    /** Target value for positions that carry no label. */
    public static final int NO_TARGET = -1;

    /** The longer of the two lengths (used for bucketing and padding). */
    public int length() {
        return Math.max(source.length, target.length);
    }
}
