package org.attnlab.experiments.model;

/** What a model needs to know about its data: token ids and sequence length. */
public record TaskShape(int vocab, int seqLen) {
}
