package org.attnlab.models.gating;

import java.util.List;
import org.attnlab.models.dropout.Dropout;
import org.attnlab.models.init.ParamInit;
import org.attnlab.models.layers.Embedding;
import org.attnlab.models.layers.Projections;
import org.attnlab.models.layers.SequenceLoss;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A recurrent sequence tagger: token embeddings ({@code embed} [V, E]), a {@link GatedLstm} named {@value #LSTM}
 * and a per-step softmax over the vocabulary ({@code out/W} [hidden, V], {@code out/b}).
 *
 * <p>Placeholders: {@value #TOKENS} [B, T] token ids (as floats) and {@value #LABELS} [B, T, V] one-hot targets
 * (an all-zero row leaves its position unscored). Outputs: {@value #PROBS} [B, T, V], the loss {@value #LOSS}
 * (mean cross-entropy over scored positions) and the gate maps [B, T, hidden] listed by {@link #gateMapNames()}.
 * Dropout sites (when {@link LstmTaggerConfig#dropout()} is above 0): {@value #INPUT_DROPOUT} on the embeddings
 * [B, T, E] and {@value #OUTPUT_DROPOUT} on the hidden states [B, T, hidden] before the output layer; the
 * recurrent connections are not dropped (see {@link org.attnlab.models.dropout.Dropout}).
 */
public final class LstmTagger {
    public static final String TOKENS = "tokens";
    public static final String LABELS = "labels";
    public static final String PROBS = "probs";
    public static final String LOSS = "loss";
    /** Name of the LSTM layer, the prefix of its gate maps. */
    public static final String LSTM = "lstm";
    /** Dropout site on the embeddings. */
    public static final String INPUT_DROPOUT = "input";
    /** Dropout site on the LSTM's hidden states before the output layer. */
    public static final String OUTPUT_DROPOUT = "lstm/output";

    private LstmTagger() {
    }

    /** Builds the graph in ND4J's default floating-point type, parameters drawn from {@code seed}. */
    public static SameDiff build(LstmTaggerConfig cfg, long seed) {
        return build(cfg, seed, Nd4j.defaultFloatingPointType());
    }

    /** Builds the graph on placeholders of type {@code dt} and fixed length T = {@code cfg.steps()}. */
    public static SameDiff build(LstmTaggerConfig cfg, long seed, DataType dt) {
        SameDiff sd = SameDiff.create();
        build(sd, sd.placeHolder(TOKENS, dt, -1, cfg.steps()), sd.placeHolder(LABELS, dt, -1, cfg.steps(),
                cfg.vocab()), cfg, new ParamInit(seed, dt));
        return sd;
    }

    /** Adds the model to {@code sd} on token ids [B, T] and one-hot labels [B, T, V]; returns the loss. */
    public static SDVariable build(SameDiff sd, SDVariable tokens, SDVariable labels, LstmTaggerConfig cfg,
                                   ParamInit params) {
        ParamInit init = params.as(labels.dataType());
        int v = cfg.vocab();
        int e = cfg.embedding();
        int h = cfg.hidden();
        SDVariable table = init.normal(sd, "embed", cfg.embeddingInitScale() / Math.sqrt(e), v, e);
        SDVariable x = Dropout.apply(sd, INPUT_DROPOUT, Embedding.lookup(sd, tokens, table, v, e),
                cfg.dropout());                                                                    // [B, T, E]
        LstmGateMaps maps = GatedLstm.build(sd, LSTM, x, null, cfg.steps(), cfg.lstm(), init);
        SDVariable hidden = Dropout.apply(sd, OUTPUT_DROPOUT, maps.hidden(), cfg.dropout());      // [B, T, h]
        SDVariable w = init.xavier(sd, "out/W", h, v, h, v);
        SDVariable b = init.constant(sd, "out/b", 0.0, v);
        SDVariable logits = Projections.last(sd, hidden, w, 3, h, v).add(b);                      // [B, T, V]
        sd.nn.softmax(PROBS, logits, 2);
        SDVariable loss = SequenceLoss.maskedCrossEntropy(sd, LOSS, logits, labels, labels.sum(2));
        sd.setLossVariables(LOSS);
        return loss;
    }

    /** Names of the gate maps [B, T, hidden]: forget, input and output gates, cell states, hidden states. */
    public static List<String> gateMapNames() {
        return List.of(LSTM + LstmGateMaps.FORGET_GATES, LSTM + LstmGateMaps.INPUT_GATES,
                LSTM + LstmGateMaps.OUTPUT_GATES, LSTM + LstmGateMaps.CELL_STATES, LSTM + LstmGateMaps.HIDDEN);
    }
}
