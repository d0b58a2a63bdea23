package org.attnlab.models.alignment;

import org.attnlab.models.attention.AttentionConfig;
import org.attnlab.models.dropout.Dropout;
import org.attnlab.models.support.ConfigChecks;

/**
 * An attention encoder-decoder for translation.
 *
 * @param srcVocab  source token ids (0 is padding)
 * @param tgtVocab  target token ids, including padding (0) and the begin-of-sequence id the decoder starts from
 * @param embed     embedding size of both sides
 * @param hidden    LSTM size of encoder and decoder (also the attention size)
 * @param attention score function of the decoder's attention over encoder states: {@code additive} (Bahdanau),
 *                  {@code dot} or {@code general} (Luong); its masks must be off (padding comes from the source);
 *                  its dropout rate drops alignment weights during training
 * @param dropout   dropout rate, in {@code [0, 1)}, on both embeddings and on the attentional vector before the
 *                  output layer, during training only (see {@link org.attnlab.models.dropout.Dropout})
 * @param embeddingInitStd standard deviation of both embedding tables' initial values, {@value #DEFAULT_EMBEDDING_STD}
 *                  by default
 */
public record Seq2SeqConfig(int srcVocab, int tgtVocab, int embed, int hidden, AttentionConfig attention,
                            double dropout, double embeddingInitStd) {
    /** {@link #embeddingInitStd} when none is given. */
    public static final double DEFAULT_EMBEDDING_STD = 0.1;

    public Seq2SeqConfig {
        ConfigChecks.inRange("srcVocab", srcVocab, 2, Integer.MAX_VALUE);
        ConfigChecks.inRange("tgtVocab", tgtVocab, 3, Integer.MAX_VALUE);
        ConfigChecks.positive("embed", embed);
        ConfigChecks.positive("hidden", hidden);
        if (attention == null || attention.hasPositionalMask()) {
            throw new IllegalArgumentException("attention: needs a score function and no causal or window mask, was "
                    + attention);
        }
        Dropout.checkRate("dropout", dropout);
        ConfigChecks.positive("embeddingInitStd", embeddingInitStd);
    }

    /** Settings with embeddings drawn from Normal(0, {@value #DEFAULT_EMBEDDING_STD}). */
    public Seq2SeqConfig(int srcVocab, int tgtVocab, int embed, int hidden, AttentionConfig attention,
                         double dropout) {
        this(srcVocab, tgtVocab, embed, hidden, attention, dropout, DEFAULT_EMBEDDING_STD);
    }
}
