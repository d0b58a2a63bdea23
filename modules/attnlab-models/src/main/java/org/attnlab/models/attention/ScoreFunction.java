package org.attnlab.models.attention;

import org.attnlab.models.init.ParamInit;
import org.attnlab.models.layers.Projections;
import org.attnlab.models.support.ConfigChecks;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * How a query is compared with a key. Inputs are {@code [..., Tq, dq]} queries and {@code [..., Tk, dk]} keys
 * (rank 3, or rank 4 with a head axis); the result is {@code [..., Tq, Tk]} unnormalised scores.
 * Parameters of {@link #ADDITIVE} and {@link #GENERAL} are created under {@code name + "/score/..."}.
 */
public enum ScoreFunction {
    /** {@code q . k}. */
    DOT,
    /** {@code q . k / sqrt(d_k)}. */
    SCALED_DOT,
    /** MLP (Bahdanau): {@code v^T tanh(W_q q + W_k k)} with a hidden size. */
    ADDITIVE,
    /** Bilinear (Luong "general"): {@code q^T W k}. */
    GENERAL;

    /** The name used in configs and on the command line: the constant in lower case. */
    public String configName() {
        return ConfigChecks.configName(this);
    }

    /**
     * Looks a score function up by its config name (case-insensitive).
     *
     * @throws org.attnlab.models.support.ConfigValueException naming key {@code score}, the value and the valid names
     */
    public static ScoreFunction fromName(String name) {
        return ConfigChecks.oneOf("score", name, ScoreFunction.class);
    }

    /** Comma-separated config names, for messages. */
    public static String validNames() {
        return ConfigChecks.names(ScoreFunction.class);
    }

    /**
     * Builds the score graph.
     *
     * @param rank   rank of q and k (3 or 4)
     * @param dq     query feature size
     * @param dk     key feature size
     * @param cfg    the additive MLP's hidden size, initial values and block size (ignored by the others)
     */
    SDVariable scores(SameDiff sd, String name, SDVariable q, SDVariable k, int rank, long dq, long dk,
                      AttentionConfig cfg, ParamInit init) {
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
                int hidden = cfg.additiveHidden();
                SDVariable wq = cfg.additiveInit().projection(sd, name + "/score/Wq", dq, hidden, init);
                SDVariable wk = cfg.additiveInit().projection(sd, name + "/score/Wk", dk, hidden, init);
                SDVariable v = cfg.additiveInit().output(sd, name + "/score/v", hidden, init);
                SDVariable qh = Projections.last(sd, q, wq, rank, dq, hidden);                        // [..,Tq,h]
                SDVariable kh = Projections.last(sd, k, wk, rank, dk, hidden);                        // [..,Tk,h]
                int block = cfg.additiveBlock() == AttentionConfig.WHOLE_HIDDEN ? hidden
                        : Math.min(cfg.additiveBlock(), hidden);
                SDVariable sum = null;
                for (int start = 0; start < hidden; start += block) {
                    SDVariable part = AdditiveBlocks.part(sd, qh, kh, v, rank, start, Math.min(block, hidden - start));
                    sum = sum == null ? part : sum.add(part);
                }
                return sd.squeeze(sum, rank);                                                         // [..,Tq,Tk]
            }
            default:
                throw new IllegalStateException(this.name());
        }
    }
}
