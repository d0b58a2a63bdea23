package org.attnlab.models.alignment;

import org.attnlab.models.attention.KeyValueAttention;
import org.attnlab.models.dropout.Dropout;
import org.attnlab.models.init.ParamInit;
import org.attnlab.models.layers.Embedding;
import org.attnlab.models.layers.Projections;
import org.attnlab.models.layers.SequenceLoss;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.api.ops.impl.layers.recurrent.config.LSTMActivations;
import org.nd4j.linalg.api.ops.impl.layers.recurrent.config.LSTMDataFormat;
import org.nd4j.linalg.api.ops.impl.layers.recurrent.config.LSTMDirectionMode;
import org.nd4j.linalg.api.ops.impl.layers.recurrent.config.LSTMLayerConfig;
import org.nd4j.linalg.api.ops.impl.layers.recurrent.weights.LSTMLayerWeights;

/**
 * Builds an attention encoder-decoder (Luong-style global attention without input feeding): an LSTM encodes the
 * source; an LSTM decoder reads the target shifted right (teacher forcing), starting from a zero state (SameDiff M2.1's
 * {@code lstmLayer} backward is wrong when an initial state is passed: every LSTM weight then fails the gradient check);
 * each decoder state attends over the encoder states with the configured score function, and
 * {@code tanh(W_c [context; state])} predicts the next token.
 *
 * <p>Placeholders: {@value #SOURCE} {@code [B, Ts]} and {@value #DECODER_INPUT} {@code [B, Tt]} token ids (floats),
 * {@value #SOURCE_MASK} {@code [B, Ts]} (1 = real token), {@value #LABELS} {@code [B, Tt, tgtVocab]} one-hot and
 * {@value #LABEL_MASK} {@code [B, Tt]}. Outputs: {@value #ALIGNMENT} {@code [B, Tt, Ts]}, {@value #PROBS}
 * {@code [B, Tt, tgtVocab]} and the masked mean cross-entropy {@value #LOSS}.
 *
 * <p>Variables: {@code src_embed} {@code [srcVocab, embed]}, {@code tgt_embed} {@code [tgtVocab, embed]},
 * {@code encoder/Wx} {@code [embed, 4h]}, {@code encoder/Wr} {@code [h, 4h]}, {@code encoder/b} {@code [4h]} (and the
 * same under {@code decoder/}), the score's {@code attention/score/...}, {@code combine/W} {@code [2h, h]},
 * {@code out/W} {@code [h, tgtVocab]}, {@code out/b}. Dropout sites: {@code source/input}, {@code target/input},
 * {@code attentional} and the alignment {@code attention/weights}.
 */
public final class AttentionSeq2Seq {
    public static final String SOURCE = "source";
    public static final String SOURCE_MASK = "source_mask";
    public static final String DECODER_INPUT = "decoder_input";
    public static final String LABELS = "labels";
    public static final String LABEL_MASK = "label_mask";
    public static final String ALIGNMENT = "alignment";
    public static final String PROBS = "probs";
    public static final String LOSS = "loss";

    /** Forward LSTM over {@code [B, T, features]} returning the whole sequence of hidden states. */
    private static final LSTMLayerConfig LSTM = LSTMLayerConfig.builder().lstmdataformat(LSTMDataFormat.NTS)
            .directionMode(LSTMDirectionMode.FWD).gateAct(LSTMActivations.SIGMOID).cellAct(LSTMActivations.TANH)
            .outAct(LSTMActivations.TANH).retFullSequence(true).retLastH(false).retLastC(false).build();

    private AttentionSeq2Seq() {
    }

    /** The graph's inputs: placeholders in {@link #build}, any variables when composing or testing. */
    public record Inputs(SDVariable source, SDVariable sourceMask, SDVariable decoderInput, SDVariable labels,
                         SDVariable labelMask) {
    }

    /** Builds the graph in ND4J's default floating-point type, with parameters drawn from {@code seed}. */
    public static SameDiff build(Seq2SeqConfig cfg, long seed) {
        return build(cfg, seed, Nd4j.defaultFloatingPointType());
    }

    /** Builds the training and inference graph on placeholders of type {@code dt}, parameters drawn from seed. */
    public static SameDiff build(Seq2SeqConfig cfg, long seed, DataType dt) {
        SameDiff sd = SameDiff.create();
        Inputs inputs = new Inputs(sd.placeHolder(SOURCE, dt, -1, -1), sd.placeHolder(SOURCE_MASK, dt, -1, -1),
                sd.placeHolder(DECODER_INPUT, dt, -1, -1), sd.placeHolder(LABELS, dt, -1, -1, cfg.tgtVocab()),
                sd.placeHolder(LABEL_MASK, dt, -1, -1));
        build(sd, inputs, cfg, new ParamInit(seed, dt));
        return sd;
    }

    /** Adds the model to {@code sd} on the given inputs; returns the loss. */
    public static SDVariable build(SameDiff sd, Inputs in, Seq2SeqConfig cfg, ParamInit params) {
        int h = cfg.hidden();
        int e = cfg.embed();
        ParamInit init = params.as(in.sourceMask().dataType());
        double std = cfg.embeddingInitStd();
        SDVariable srcEmbed = Dropout.apply(sd, "source/input", Embedding.lookup(sd, in.source(),
                init.normal(sd, "src_embed", std, cfg.srcVocab(), e), cfg.srcVocab(), e), cfg.dropout());
        SDVariable tgtEmbed = Dropout.apply(sd, "target/input", Embedding.lookup(sd, in.decoderInput(),
                init.normal(sd, "tgt_embed", std, cfg.tgtVocab(), e), cfg.tgtVocab(), e), cfg.dropout());
        SDVariable lengths = in.sourceMask().sum(1);
        SDVariable encoded = sd.rnn.lstmLayer(srcEmbed, null, null, lengths, weights(sd, init, "encoder", e, h),
                LSTM)[0];                                                                   // [B, Ts, h]
        SDVariable decoded = sd.rnn.lstmLayer(tgtEmbed, null, null, null, weights(sd, init, "decoder", e, h),
                LSTM)[0];                                                                   // [B, Tt, h]
        SDVariable context = KeyValueAttention.attend(sd, "attention", decoded, encoded, encoded, in.sourceMask(),
                cfg.attention(), h, h, init);
        sd.identity(ALIGNMENT, sd.getVariable(KeyValueAttention.weightsName("attention")));

        SDVariable combined = sd.concat(2, context, decoded);                                 // [B, Tt, 2h]
        SDVariable attentional = Dropout.apply(sd, "attentional", sd.math.tanh(Projections.last(sd, combined,
                init.xavier(sd, "combine/W", 2L * h, h, 2L * h, h), 3, 2L * h, h)), cfg.dropout());
        SDVariable logits = Projections.last(sd, attentional,
                init.xavier(sd, "out/W", h, cfg.tgtVocab(), h, cfg.tgtVocab()), 3, h, cfg.tgtVocab())
                .add(init.constant(sd, "out/b", 0.0, cfg.tgtVocab()));
        sd.nn.softmax(PROBS, logits, 2);
        SDVariable loss = SequenceLoss.maskedCrossEntropy(sd, LOSS, logits, in.labels(), in.labelMask());
        sd.setLossVariables(LOSS);
        return loss;
    }

    private static LSTMLayerWeights weights(SameDiff sd, ParamInit init, String name, int in, int h) {
        return LSTMLayerWeights.builder()
                .weights(init.xavier(sd, name + "/Wx", in, 4L * h, in, 4L * h))
                .rWeights(init.xavier(sd, name + "/Wr", h, 4L * h, h, 4L * h))
                .bias(init.constant(sd, name + "/b", 0.0, 4L * h))
                .build();
    }
}
