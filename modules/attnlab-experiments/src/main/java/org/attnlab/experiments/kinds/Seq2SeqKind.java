package org.attnlab.experiments.kinds;

import static org.attnlab.models.support.ConfigChecks.positive;
import static org.attnlab.models.support.ConfigChecks.present;
import static org.attnlab.models.support.ConfigChecks.rate;

import java.util.List;
import java.util.Map;
import org.attnlab.models.alignment.AlignmentDecoder;
import org.attnlab.models.alignment.AttentionSeq2Seq;
import org.attnlab.models.alignment.Seq2SeqConfig;
import org.attnlab.models.attention.AdditiveInit;
import org.attnlab.models.attention.AttentionConfig;
import org.attnlab.models.attention.ScoreFunction;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;

/**
 * Model kind {@code seq2seq}: {@link AttentionSeq2Seq}, an LSTM encoder-decoder whose decoder attends over the
 * encoder states; its alignment {@code [B, Tt, Ts]} is plotted. Works on translation corpora and on synthetic tasks
 * (decoder input = targets shifted right behind an added begin-of-sequence id).
 */
public final class Seq2SeqKind implements ModelKind<Seq2SeqKind.Settings> {
    /**
     * The {@code model} section of a seq2seq model: {@link Seq2SeqConfig} without the data's sizes.
     *
     * @param embed            embedding size of both sides
     * @param hidden           LSTM and attention size
     * @param score            score function of the decoder's attention (additive is Bahdanau's, general Luong's)
     * @param additiveHidden   hidden size of the additive score
     * @param dropout          dropout on the embeddings and the attentional vector (training only)
     * @param attentionDropout dropout on the alignment weights (training only)
     * @param additiveInit     initial values of the additive score
     * @param embeddingInitStd standard deviation of the embedding tables' initial values
     */
    public record Settings(int embed, int hidden, ScoreFunction score, int additiveHidden, double dropout,
                           double attentionDropout, AdditiveInit additiveInit, double embeddingInitStd) {
        public Settings {
            positive("embed", embed);
            positive("hidden", hidden);
            present("score", score, ScoreFunction.validNames());
            positive("additive_hidden", additiveHidden);
            rate("dropout", dropout);
            rate("attention_dropout", attentionDropout);
            present("additive_init", additiveInit, AdditiveInit.validNames());
            positive("embedding_init_std", embeddingInitStd);
        }

        /** The model's config for data of {@code shape}. */
        public Seq2SeqConfig config(TaskShape shape) {
            return new Seq2SeqConfig(shape.vocab(), shape.decoderVocab(), embed, hidden,
                    AttentionConfig.of(score, additiveHidden).withDropout(attentionDropout).withAdditiveInit(additiveInit),
                    dropout, embeddingInitStd);
        }
    }

    @Override
    public String name() {
        return "seq2seq";
    }

    @Override
    public Class<Settings> settingsType() {
        return Settings.class;
    }

    @Override
    public Map<String, Object> defaults() {
        return Map.of("embed", 32, "hidden", 64, "score", "general", "additive_hidden", 32, "dropout", 0.0,
                "attention_dropout", 0.0, "additive_init", "xavier",
                "embedding_init_std", Seq2SeqConfig.DEFAULT_EMBEDDING_STD);
    }

    @Override
    public DataKind data() {
        return DataKind.SEQUENCES;
    }

    @Override
    public TrainableModel build(Settings s, TaskShape shape, long seed) {
        int classes = shape.decoderVocab();
        int bos = shape.decoderBos();
        return new TrainableModel(AttentionSeq2Seq.build(s.config(shape), seed),
                List.of(AttentionSeq2Seq.SOURCE, AttentionSeq2Seq.SOURCE_MASK, AttentionSeq2Seq.DECODER_INPUT),
                List.of(AttentionSeq2Seq.LABELS, AttentionSeq2Seq.LABEL_MASK),
                raw -> new MultiDataSet(new INDArray[]{RawBatches.source(raw), RawBatches.sourceMask(raw),
                    RawBatches.decoderInput(raw, bos)},
                        new INDArray[]{RawBatches.oneHot(raw, classes), RawBatches.labelMask(raw)}),
                AttentionSeq2Seq.PROBS, AttentionSeq2Seq.LOSS,
                List.of(new TrainableModel.AttentionMap(AttentionSeq2Seq.ALIGNMENT,
                        "alignment (" + s.score().configName() + ")", true)),
                (sd, raw, length) -> AlignmentDecoder.decode(sd, RawBatches.source(raw), RawBatches.sourceMask(raw),
                        length, bos).tokens());
    }
}
