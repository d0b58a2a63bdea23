package org.attnlab.models.tasks;

import org.attnlab.models.attention.AttentionConfig;
import org.attnlab.models.dropout.Dropout;
import org.attnlab.models.support.ConfigChecks;

/**
 * A one-layer self-attention sequence tagger: token + learned position embeddings, multi-head self-attention with
 * a residual connection, and a per-position softmax over the vocabulary.
 *
 * @param vocab     number of token ids
 * @param maxLen    longest sequence (size of the position table)
 * @param dModel    embedding and attention size
 * @param heads     attention heads
 * @param attention score function, masks and the dropout rate on the attention weights
 * @param dropout   dropout rate, in {@code [0, 1)}, on the embeddings + positions and on the attention output
 *                  before the residual add, during training only (see {@link org.attnlab.models.dropout.Dropout})
 * @param fusedAttention     run libnd4j's fused multi-head attention op where it applies (see
 *                           {@link org.attnlab.models.attention.MultiHeadConfig#fused()}); off by default
 * @param embeddingInitScale token and position tables drawn from Normal(0, embeddingInitScale / sqrt(dModel)); 1
 */
public record SequenceTaggerConfig(int vocab, int maxLen, int dModel, int heads, AttentionConfig attention,
                                   double dropout, boolean fusedAttention, double embeddingInitScale) {
    public SequenceTaggerConfig {
        if (vocab < 2) {
            throw new IllegalArgumentException("vocab: must be >= 2, was " + vocab);
        }
        if (maxLen < 1) {
            throw new IllegalArgumentException("maxLen: must be >= 1, was " + maxLen);
        }
        if (dModel < 1) {
            throw new IllegalArgumentException("dModel: must be >= 1, was " + dModel);
        }
        Dropout.checkRate("dropout", dropout);
        ConfigChecks.positive("embeddingInitScale", embeddingInitScale);
    }

    /** Settings without the fused op and with embedding scale 1. */
    public SequenceTaggerConfig(int vocab, int maxLen, int dModel, int heads, AttentionConfig attention,
                                double dropout) {
        this(vocab, maxLen, dModel, heads, attention, dropout, false, 1.0);
    }
}
