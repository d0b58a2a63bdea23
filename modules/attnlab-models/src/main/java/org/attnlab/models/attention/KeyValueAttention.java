package org.attnlab.models.attention;

import static org.attnlab.models.support.StaticShapes.ANY;

import org.attnlab.models.dropout.Dropout;
import org.attnlab.models.init.ParamInit;
import org.attnlab.models.support.StaticShapes;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * Key-value attention on {@code [batch, time, features]} inputs: weights = masked softmax over keys of
 * score(q, k); output = weights x values. The weights {@code [B, Tq, Tk]} are the graph output
 * {@code name + "/weights"} and the result {@code [B, Tq, dv]} is {@code name + "/out"}; with attention dropout the
 * weights are dropped (site {@code name + "/weights"}) after that output, before they multiply the values.
 * Parameters: those of the score function ({@code name + "/score/..."}, see {@link ScoreFunction}), in the type of
 * the queries.
 */
public final class KeyValueAttention {
    private KeyValueAttention() {
    }

    /** Name of the attention-weights output of the layer called {@code name}. */
    public static String weightsName(String name) {
        return name + "/weights";
    }

    /** Name of the main output of the attention layer called {@code name}. */
    public static String outputName(String name) {
        return name + "/out";
    }

    /**
     * Cross-attention: queries {@code [B, Tq, dq]} attend to keys {@code [B, Tk, dk]} and values {@code [B, Tk, dv]}.
     * The feature sizes are read from the inputs' static shapes (variables and placeholders have one).
     *
     * @param keyMask {@code [B, Tk]} 1 for real keys, 0 for padding; null when nothing is padded
     * @return {@code [B, Tq, dv]}
     */
    public static SDVariable attend(SameDiff sd, String name, SDVariable q, SDVariable k, SDVariable v,
                                    SDVariable keyMask, AttentionConfig cfg, ParamInit init) {
        long dq = StaticShapes.require("queries", q, ANY, ANY, ANY)[2];
        long dk = StaticShapes.require("keys", k, ANY, ANY, ANY)[2];
        return attend(sd, name, q, k, v, keyMask, cfg, dq, dk, init);
    }

    /** As {@link #attend(SameDiff, String, SDVariable, SDVariable, SDVariable, SDVariable, AttentionConfig,
     * ParamInit)} with the feature sizes given, for inputs that are op outputs (no static shape). */
    public static SDVariable attend(SameDiff sd, String name, SDVariable q, SDVariable k, SDVariable v,
                                    SDVariable keyMask, AttentionConfig cfg, long dq, long dk, ParamInit init) {
        StaticShapes.check("queries", q, ANY, ANY, dq);
        StaticShapes.check("keys", k, ANY, ANY, dk);
        StaticShapes.check("values", v, ANY, ANY, ANY);
        StaticShapes.check("keyMask", keyMask, ANY, ANY);
        if ((cfg.score() == ScoreFunction.DOT || cfg.score() == ScoreFunction.SCALED_DOT) && dq != dk) {
            throw new IllegalArgumentException("keys: " + cfg.score().configName()
                    + " scores need queries and keys of the same size, got queries [.., " + dq + "] and keys [.., "
                    + dk + "]");
        }
        return sd.identity(outputName(name), weighted(sd, name, q, k, v, keyMask, cfg, 3, dq, dk, init));
    }

    /** Self-attention: the sequence {@code x [B, T, d]} is query, key and value. */
    public static SDVariable selfAttend(SameDiff sd, String name, SDVariable x, SDVariable keyMask,
                                        AttentionConfig cfg, ParamInit init) {
        return attend(sd, name, x, x, x, keyMask, cfg, init);
    }

    /** The shared core for rank 3 {@code [B, T, d]} or rank 4 {@code [B, H, T, d]} inputs. */
    static SDVariable weighted(SameDiff sd, String name, SDVariable q, SDVariable k, SDVariable v, SDVariable keyMask,
                               AttentionConfig cfg, int rank, long dq, long dk, ParamInit init) {
        SDVariable scores = cfg.score().scores(sd, name, q, k, rank, dq, dk, cfg, init.as(q.dataType()));
        SDVariable keep = AttentionMasks.keep(sd, scores, keyMask, cfg, rank);
        SDVariable weights = AttentionMasks.maskedSoftmax(sd, weightsName(name), scores, keep, rank);
        return sd.mmul(Dropout.apply(sd, weightsName(name), weights, cfg.dropout()), v);
    }
}
