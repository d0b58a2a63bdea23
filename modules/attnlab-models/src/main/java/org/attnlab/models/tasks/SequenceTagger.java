package org.attnlab.models.tasks;

import org.attnlab.models.attention.MultiHeadAttention;
import org.attnlab.models.attention.MultiHeadConfig;
import org.attnlab.models.dropout.Dropout;
import org.attnlab.models.ensemble.MemberAxis;
import org.attnlab.models.layers.Embedding;
import org.attnlab.models.layers.Projections;
import org.attnlab.models.layers.SequenceLoss;
import org.attnlab.models.init.ParamInit;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Builds a {@link SequenceTaggerConfig} model as a SameDiff graph. Placeholders: {@value #TOKENS} {@code [B, T]}
 * token ids (as floats) and {@value #LABELS} {@code [B, T, vocab]} one-hot targets. Outputs: {@value #PROBS}
 * {@code [B, T, vocab]}, the loss {@value #LOSS}, and the attention weights {@code "attn/weights"} {@code [B, H, T, T]}.
 * Variables: {@code embed} {@code [vocab, dModel]}, {@code pos} {@code [maxLen, dModel]}, the attention's
 * {@code attn/Wq, Wk, Wv, Wo} (see {@link MultiHeadAttention}), {@code out/W} {@code [dModel, vocab]}, {@code out/b}.
 * Dropout sites: {@code input} (embeddings + positions), {@code attn} (attention output) and {@code attn/weights}.
 *
 * <p>An ensemble graph ({@link #buildMembers}) has the same names: placeholders and outputs fold the E members into
 * the batch axis ({@code [E*B, ...]}, member-major), every variable has a leading {@code [E, ...]} axis, the loss is
 * the sum of the members' losses and {@code "loss/members"} {@code [E]} holds each member's.
 */
public final class SequenceTagger {
    public static final String TOKENS = "tokens";
    public static final String LABELS = "labels";
    public static final String PROBS = "probs";
    public static final String LOSS = "loss";
    /** Name of the attention layer; its weights are {@code MultiHeadAttention.weightsName(ATTENTION)}. */
    public static final String ATTENTION = "attn";

    private SequenceTagger() {
    }

    /** Builds the graph in ND4J's default floating-point type with parameters drawn from {@code seed}. */
    public static SameDiff build(SequenceTaggerConfig cfg, long seed) {
        return build(cfg, seed, Nd4j.defaultFloatingPointType());
    }

    /** Builds the graph on placeholders of type {@code dt} with parameters drawn from {@code seed}. */
    public static SameDiff build(SequenceTaggerConfig cfg, long seed, DataType dt) {
        SameDiff sd = SameDiff.create();
        build(sd, sd.placeHolder(TOKENS, dt, -1, -1), sd.placeHolder(LABELS, dt, -1, -1, cfg.vocab()), cfg,
                new ParamInit(seed, dt));
        return sd;
    }

    /**
     * Builds an ensemble of {@code seeds.length} members on placeholders of type {@code dt}: member {@code e}'s
     * parameters are those {@code build(cfg, seeds[e], dt)} creates.
     */
    public static SameDiff buildMembers(SequenceTaggerConfig cfg, long[] seeds, DataType dt) {
        SameDiff sd = SameDiff.create();
        build(sd, sd.placeHolder(TOKENS, dt, -1, -1), sd.placeHolder(LABELS, dt, -1, -1, cfg.vocab()), cfg,
                ParamInit.members(seeds, dt));
        return sd;
    }

    /**
     * Adds the model to {@code sd} on the given token ids {@code [B, T]} and one-hot labels {@code [B, T, vocab]};
     * positions whose label row is all zeros are not scored. Returns the loss.
     */
    public static SDVariable build(SameDiff sd, SDVariable tokens, SDVariable labels, SequenceTaggerConfig cfg,
                                   ParamInit params) {
        int d = cfg.dModel();
        ParamInit init = params.as(labels.dataType());
        double std = cfg.embeddingInitScale() / Math.sqrt(d);
        SDVariable embed = init.normal(sd, "embed", std, cfg.vocab(), d);
        SDVariable pos = init.normal(sd, "pos", std, cfg.maxLen(), d);
        SDVariable positions = Embedding.firstRows(sd, pos, tokens, d);                    // [(E,) T, d]
        SDVariable x = Dropout.apply(sd, "input", MemberAxis.perMember(sd,
                Embedding.lookup(sd, tokens, embed, cfg.vocab(), d), 3, positions, 2, init, SDVariable::add),
                cfg.dropout());                                                                     // [B, T, d]
        SDVariable attended = MultiHeadAttention.build(sd, ATTENTION, x, x, null,
                new MultiHeadConfig(d, cfg.heads(), cfg.attention(), cfg.fusedAttention(), false), init);
        SDVariable h = x.add(Dropout.apply(sd, ATTENTION, attended, cfg.dropout()));
        SDVariable wOut = init.xavier(sd, "out/W", d, cfg.vocab(), d, cfg.vocab());
        SDVariable bOut = init.constant(sd, "out/b", 0.0, cfg.vocab());
        SDVariable logits = Projections.affine(sd, h, wOut, bOut, 3, d, cfg.vocab());                // [B, T, V]
        sd.nn.softmax(PROBS, logits, 2);
        SDVariable loss = init.isEnsemble()
                ? SequenceLoss.memberCrossEntropy(sd, LOSS, logits, labels, labels.sum(2), init.memberCount())
                : SequenceLoss.maskedCrossEntropy(sd, LOSS, logits, labels, labels.sum(2));
        sd.setLossVariables(LOSS);
        return loss;
    }
}
