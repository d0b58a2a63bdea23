package org.attnlab.datasets.iter;

/** How token labels are laid out in a batch. */
public enum LabelFormat {
    /** One-hot over the vocabulary: [B, T, V] for sequences, [B, C] for classes. */
    ONE_HOT,
    /** Class / token indices as float: [B, T] for sequences, [B, 1] for classes (for sparse cross-entropy; large vocabularies). */
    INDEX
}
