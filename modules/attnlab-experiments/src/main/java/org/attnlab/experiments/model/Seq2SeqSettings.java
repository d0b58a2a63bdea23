package org.attnlab.experiments.model;

import org.attnlab.experiments.config.Checks;

/**
 * Settings of the {@code seq2seq} model kind (LSTM encoder-decoder with attention).
 *
 * @param embed          embedding size of both sides
 * @param hidden         LSTM and attention size
 * @param score          score function of the decoder's attention: dot, scaled_dot, additive (Bahdanau) or general
 * @param additiveHidden hidden size of the additive score
 * @param dropout          dropout on the embeddings and the attentional vector (training only)
 * @param attentionDropout dropout on the alignment weights (training only)
 * @param additiveInit     initial values of the additive score: xavier or bahdanau
 * @param embeddingInitStd standard deviation of the embedding tables' initial values
 */
public record Seq2SeqSettings(int embed, int hidden, String score, int additiveHidden, double dropout,
                              double attentionDropout, String additiveInit, double embeddingInitStd) {
    public Seq2SeqSettings {
        Checks.atLeast("embed", embed, 1);
        Checks.atLeast("hidden", hidden, 1);
        score = Checks.scoreFunction("score", score);
        Checks.atLeast("additive_hidden", additiveHidden, 1);
        Checks.rate("dropout", dropout);
        Checks.rate("attention_dropout", attentionDropout);
        additiveInit = Checks.additiveInit("additive_init", additiveInit);
        Checks.inOpenClosed("embedding_init_std", embeddingInitStd, 0, Double.MAX_VALUE);
    }
}
