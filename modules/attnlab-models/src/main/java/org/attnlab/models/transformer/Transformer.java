package org.attnlab.models.transformer;

import org.attnlab.models.attention.MultiHeadAttention;
import org.attnlab.models.dropout.Dropout;
import org.attnlab.models.init.ParamInit;
import org.attnlab.models.layers.Projections;
import org.attnlab.models.layers.SequenceLoss;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Builds an encoder-decoder Transformer as a SameDiff graph in a given floating-point type. Placeholders: {@value #SRC} {@code [B, Ts]} source ids, {@value #TGT_IN} {@code [B, Tt]} decoder input ids
 * (the target shifted right behind a start token), {@value #LABELS} {@code [B, Tt]} target ids (ids as floats;
 * {@code padId} marks padding). Outputs: {@value #LOGITS} and {@value #PROBS} {@code [B, Tt, tgtVocab]}, the
 * mean cross-entropy over non-padding targets {@value #LOSS}, and every attention layer's {@code [B, H, Tq, Tk]}
 * weights (see {@link #encoderSelfWeights}, {@link #decoderSelfWeights}, {@link #decoderCrossWeights}).
 *
 * <p>Variables: the token tables {@code src/embed}, {@code tgt/embed} {@code [vocab, dModel]} (one {@code embed}
 * when shared), a learned position table {@code src/pos}, {@code tgt/pos} {@code [maxLen, dModel]} (the sinusoidal
 * one is a constant of the same name), the layers {@code enc/<i>/...} ({@link EncoderLayer}) and
 * {@code dec/<i>/...} ({@link DecoderLayer}), the pre-LN final norms {@code enc/norm/gain, bias} and
 * {@code dec/norm/gain, bias}, and the output projection {@code out/W} {@code [dModel, tgtVocab]}, {@code out/b}.
 * Dropout sites (with rates above 0): {@code src/input}, {@code tgt/input} (embeddings + positions), every
 * sublayer ({@code enc/0/self}, {@code enc/0/ff}, {@code dec/0/cross}, ...) and every attention's weights
 * ({@code enc/0/self/weights}, ...); see {@link org.attnlab.models.dropout.Dropout}.
 */
public final class Transformer {
    public static final String SRC = "src";
    public static final String TGT_IN = "tgt_in";
    public static final String LABELS = "labels";
    public static final String LOGITS = "logits";
    public static final String PROBS = "probs";
    public static final String LOSS = "loss";

    private Transformer() {
    }

    /** {@code enc/<layer>/self/weights}. */
    public static String encoderSelfWeights(int layer) {
        return MultiHeadAttention.weightsName(Encoder.layerName(layer) + "/self");
    }

    /** {@code dec/<layer>/self/weights} (causal). */
    public static String decoderSelfWeights(int layer) {
        return MultiHeadAttention.weightsName(Decoder.layerName(layer) + "/self");
    }

    /** {@code dec/<layer>/cross/weights}: target positions (rows) over source positions (columns). */
    public static String decoderCrossWeights(int layer) {
        return MultiHeadAttention.weightsName(Decoder.layerName(layer) + "/cross");
    }

    /** Builds the graph in ND4J's default floating-point type with parameters drawn from {@code seed}. */
    public static SameDiff build(TransformerConfig cfg, long seed) {
        return build(cfg, seed, Nd4j.defaultFloatingPointType());
    }

    /** Builds the graph with placeholders and parameters of type {@code dt}, parameters drawn from {@code seed}. */
    public static SameDiff build(TransformerConfig cfg, long seed, DataType dt) {
        return build(cfg, new ParamInit(seed, dt), dt);
    }

    /**
     * Builds an ensemble of {@code seeds.length} members (type {@code dt}): the same names, placeholders and
     * outputs folding the members into the batch axis ({@code [E*B, ...]}, member-major), every variable with a
     * leading {@code [E, ...]} axis whose slice {@code e} equals what {@code build(cfg, seeds[e], dt)} creates; the
     * loss is the sum of the members' losses, each member's is in {@code "loss/members"} {@code [E]}.
     */
    public static SameDiff buildMembers(TransformerConfig cfg, long[] seeds, DataType dt) {
        return build(cfg, ParamInit.members(seeds, dt), dt);
    }

    private static SameDiff build(TransformerConfig cfg, ParamInit init, DataType dt) {
        SameDiff sd = SameDiff.create();
        int d = cfg.dModel();
        SDVariable src = sd.placeHolder(SRC, dt, -1, -1);
        SDVariable tgtIn = sd.placeHolder(TGT_IN, dt, -1, -1);
        SDVariable labels = sd.placeHolder(LABELS, dt, -1, -1);
        SDVariable srcTable = Embeddings.table(sd, cfg.sharedEmbeddings() ? "embed" : "src/embed",
                cfg.srcVocab(), d, cfg.embeddingInitScale(), init);
        SDVariable tgtTable = cfg.sharedEmbeddings() ? srcTable
                : Embeddings.table(sd, "tgt/embed", cfg.tgtVocab(), d, cfg.embeddingInitScale(), init);
        SDVariable srcMask = notPad(src, cfg);
        SDVariable tgtMask = notPad(tgtIn, cfg);
        SDVariable x = Dropout.apply(sd, "src/input", PositionalEncoding.add(sd, "src",
                Embeddings.lookup(sd, src, srcTable, cfg.srcVocab(), d), src, cfg, init), cfg.embeddingDropout());
        SDVariable y = Dropout.apply(sd, "tgt/input", PositionalEncoding.add(sd, "tgt",
                Embeddings.lookup(sd, tgtIn, tgtTable, cfg.tgtVocab(), d), tgtIn, cfg, init), cfg.embeddingDropout());
        SDVariable memory = Encoder.build(sd, x, srcMask, cfg, init);
        SDVariable h = Decoder.build(sd, y, memory, srcMask, tgtMask, cfg, init);
        SDVariable wOut = init.xavier(sd, "out/W", d, cfg.tgtVocab(), d, cfg.tgtVocab());
        SDVariable bOut = init.constant(sd, "out/b", 0.0, cfg.tgtVocab());
        SDVariable logits = sd.identity(LOGITS, Projections.affine(sd, h, wOut, bOut, 3, d, cfg.tgtVocab()));
        sd.nn.softmax(PROBS, logits, 2);
        loss(sd, logits, labels, cfg, init);
        sd.setLossVariables(LOSS);
        return sd;
    }

    /** {@code [B, T]}: 1 where {@code ids} is not the padding id. */
    private static SDVariable notPad(SDVariable ids, TransformerConfig cfg) {
        return ids.neq(cfg.padId()).castTo(ids.dataType());
    }

    /** Mean over non-padding target positions of {@code -log p(label)}. */
    private static SDVariable loss(SameDiff sd, SDVariable logits, SDVariable labels, TransformerConfig cfg,
                                   ParamInit init) {
        SDVariable target = sd.oneHot(labels.castTo(DataType.INT), cfg.tgtVocab(), -1, 1.0, 0.0, logits.dataType());
        return init.isEnsemble()
                ? SequenceLoss.memberCrossEntropy(sd, LOSS, logits, target, notPad(labels, cfg), init.memberCount())
                : SequenceLoss.maskedCrossEntropy(sd, LOSS, logits, target, notPad(labels, cfg));
    }
}
