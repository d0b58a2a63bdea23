package org.attnlab.experiments.model;

import java.util.List;
import java.util.Map;
import org.attnlab.models.alignment.AttentionSeq2Seq;
import org.attnlab.models.alignment.AlignmentDecoder;
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
public final class Seq2SeqFactory implements ModelFactory<Seq2SeqSettings> {
    @Override
    public String kind() {
        return "seq2seq";
    }

    @Override
    public Class<Seq2SeqSettings> settingsType() {
        return Seq2SeqSettings.class;
    }

    @Override
    public Map<String, Object> defaults() {
        return Map.of("embed", 32, "hidden", 64, "score", "general", "additive_hidden", 32, "dropout", 0.0,
                "attention_dropout", 0.0, "additive_init", "xavier",
                "embedding_init_std", Seq2SeqConfig.DEFAULT_EMBEDDING_STD);
    }

    @Override
    public TrainableModel build(Seq2SeqSettings s, TaskShape shape, long seed) {
        AttentionConfig attention = AttentionConfig.of(ScoreFunction.fromName(s.score()), s.additiveHidden())
                .withDropout(s.attentionDropout()).withAdditiveInit(AdditiveInit.fromName(s.additiveInit()));
        int classes = shape.decoderVocab();
        int bos = shape.decoderBos();
        Seq2SeqConfig cfg = new Seq2SeqConfig(shape.vocab(), classes, s.embed(), s.hidden(), attention, s.dropout(),
                s.embeddingInitStd());
        return new TrainableModel(AttentionSeq2Seq.build(cfg, seed),
                List.of(AttentionSeq2Seq.SOURCE, AttentionSeq2Seq.SOURCE_MASK, AttentionSeq2Seq.DECODER_INPUT),
                List.of(AttentionSeq2Seq.LABELS, AttentionSeq2Seq.LABEL_MASK),
                raw -> new MultiDataSet(new INDArray[]{RawBatches.source(raw), RawBatches.sourceMask(raw),
                    RawBatches.decoderInput(raw, bos)},
                        new INDArray[]{RawBatches.oneHot(raw, classes), RawBatches.labelMask(raw)}),
                AttentionSeq2Seq.PROBS, AttentionSeq2Seq.LOSS,
                List.of(new TrainableModel.AttentionMap(AttentionSeq2Seq.ALIGNMENT, "alignment (" + s.score() + ")",
                        true)),
                (sd, raw, length) -> AlignmentDecoder.decode(sd, RawBatches.source(raw), RawBatches.sourceMask(raw),
                        length, bos).tokens());
    }
}
