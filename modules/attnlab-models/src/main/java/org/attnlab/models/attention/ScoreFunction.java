package org.attnlab.models.attention;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.attnlab.models.init.ParamInit;
import org.attnlab.models.layers.Projections;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * How a query is compared with a key. Inputs are {@code [..., Tq, dq]} queries and {@code [..., Tk, dk]} keys
 * (rank 3, or rank 4 with a head axis); the result is {@code [..., Tq, Tk]} unnormalised scores.
 * Parameters of {@link #ADDITIVE} and {@link #GENERAL} are created under {@code name + "/score/..."}.
 */
public enum ScoreFunction {
    /** {@code q . k}. */
    DOT("dot"),
    /** {@code q . k / sqrt(d_k)}. */
    SCALED_DOT("scaled_dot"),
    /** MLP (Bahdanau): {@code v^T tanh(W_q q + W_k k)} with a hidden size. */
    ADDITIVE("additive"),
    /** Bilinear (Luong "general"): {@code q^T W k}. */
    GENERAL("general");

    private final String configName;

    ScoreFunction(String configName) {
        this.configName = configName;
    }

    /** The name used in configs and on the command line. */
    public String configName() {
        return configName;
    }

    /** Looks a score function up by its config name; unknown names list the valid ones. */
    public static ScoreFunction fromName(String name) {
        String key = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        for (ScoreFunction f : values()) {
            if (f.configName.equals(key)) {
                return f;
            }
        }
        throw new IllegalArgumentException("Unknown score function '" + name + "'; valid names: " + validNames());
    }

    /** Comma-separated config names, for messages. */
    public static String validNames() {
        return Arrays.stream(values()).map(ScoreFunction::configName).collect(Collectors.joining(", "));
    }

    /**
     * Builds the score graph.
     *
     * @param rank   rank of q and k (3 or 4)
     * @param dq     query feature size
     * @param dk     key feature size
     * @param hidden hidden size of the additive MLP (ignored by the others)
     * @param additiveInit initial values of the additive MLP (ignored by the others)
     */
    SDVariable scores(SameDiff sd, String name, SDVariable q, SDVariable k, int rank, long dq, long dk, int hidden,
                      AdditiveInit additiveInit, ParamInit init) {
        int last = rank - 1;
        switch (this) {
            case DOT:
                return sd.mmul(q, k, false, true, false);
            case SCALED_DOT:
                return sd.mmul(q, k, false, true, false).div(Math.sqrt(dk));
            case GENERAL: {
                SDVariable w = init.xavier(sd, name + "/score/W", dq, dk, dq, dk);
                SDVariable qw = Projections.last(sd, q, w, rank, dq, dk);
                return sd.mmul(qw, k, false, true, false);
            }
            case ADDITIVE: {
                SDVariable wq = additiveInit.projection(sd, name + "/score/Wq", dq, hidden, init);
                SDVariable wk = additiveInit.projection(sd, name + "/score/Wk", dk, hidden, init);
                SDVariable v = additiveInit.output(sd, name + "/score/v", hidden, init);
                SDVariable qh = sd.expandDims(Projections.last(sd, q, wq, rank, dq, hidden), last);     // [..,Tq,1,h]
                SDVariable kh = sd.expandDims(Projections.last(sd, k, wk, rank, dk, hidden), last - 1); // [..,1,Tk,h]
                SDVariable hiddenAct = sd.math.tanh(qh.add(kh));                                       // [..,Tq,Tk,h]
                return sd.squeeze(Projections.last(sd, hiddenAct, v, rank + 1, hidden, 1), rank);   // [..,Tq,Tk]
            }
            default:
                throw new IllegalStateException(this.name());
        }
    }
}
