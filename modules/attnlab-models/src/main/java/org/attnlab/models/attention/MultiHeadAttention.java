package org.attnlab.models.attention;

import static org.attnlab.models.support.StaticShapes.ANY;

import org.attnlab.models.init.ParamInit;
import org.attnlab.models.layers.DynamicShapes;
import org.attnlab.models.layers.Projections;
import org.attnlab.models.support.StaticShapes;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ops.impl.transforms.custom.MultiHeadDotProductAttention;

/**
 * Multi-head attention on {@code [batch, time, dModel]} inputs. Each head scores with the configured score function
 * (the parameters of an additive or general score are shared by the heads). The per-head weights
 * {@code [B, H, Tq, Tk]} are the graph output {@code name + "/weights"}, the result {@code [B, Tq, dModel]} is
 * {@code name + "/out"}.
 *
 * <p>Variables (in the type of the queries): {@code name + "/Wq"}, {@code "/Wk"}, {@code "/Wv"}
 * {@code [dModel, H*dHead]} (head-major columns, {@code y = x W}: PyTorch's {@code in_proj_weight} row blocks
 * transposed) and {@code "/Wo"} {@code [H*dHead, dModel]}; with {@link MultiHeadConfig#bias()} also
 * {@code "/bq"}, {@code "/bk"}, {@code "/bv"} {@code [H*dHead]} and {@code "/bo"} {@code [dModel]}; an additive or
 * general score adds {@code name + "/score/..."} (see {@link ScoreFunction}).
 *
 * <p>With {@code fused} set, a dot or scaled-dot attention without causal or window mask runs libnd4j's fused
 * {@code multi_head_dot_product_attention} op on the same weights instead of the batched per-head graph.
 */
public final class MultiHeadAttention {
    private MultiHeadAttention() {
    }

    /** Name of the per-head weights output of the layer called {@code name}. */
    public static String weightsName(String name) {
        return KeyValueAttention.weightsName(name);
    }

    /**
     * @param xq      queries {@code [B, Tq, dModel]}
     * @param xkv     keys and values {@code [B, Tk, dModel]} (the same variable as {@code xq} for self-attention)
     * @param keyMask {@code [B, Tk]} 1 for real keys, 0 for padding; null when nothing is padded
     * @return {@code [B, Tq, dModel]}
     */
    public static SDVariable build(SameDiff sd, String name, SDVariable xq, SDVariable xkv, SDVariable keyMask,
                                   MultiHeadConfig cfg, ParamInit init) {
        StaticShapes.check("queries", xq, ANY, ANY, cfg.dModel());
        StaticShapes.check("keys/values", xkv, ANY, ANY, cfg.dModel());
        StaticShapes.check("keyMask", keyMask, ANY, ANY);
        long d = cfg.dModel();
        long h = cfg.heads();
        long dh = cfg.headSize();
        ParamInit p = init.as(xq.dataType());
        SDVariable wq = p.xavier(sd, name + "/Wq", d, dh * h, d, h * dh);
        SDVariable wk = p.xavier(sd, name + "/Wk", d, dh * h, d, h * dh);
        SDVariable wv = p.xavier(sd, name + "/Wv", d, dh * h, d, h * dh);
        SDVariable wo = p.xavier(sd, name + "/Wo", dh * h, d, h * dh, d);
        if (cfg.usesFusedOp()) {
            if (p.isEnsemble()) {
                throw new IllegalArgumentException(name + ": the fused attention op has no member axis; "
                        + "build ensembles with fused = false");
            }
            return sd.identity(KeyValueAttention.outputName(name), fused(sd, name, xq, xkv, keyMask, cfg, wq, wk, wv, wo));
        }
        SDVariable q = heads(sd, xq, wq, bias(sd, name + "/bq", h * dh, cfg, p), d, h, dh);
        SDVariable k = heads(sd, xkv, wk, bias(sd, name + "/bk", h * dh, cfg, p), d, h, dh);
        SDVariable v = heads(sd, xkv, wv, bias(sd, name + "/bv", h * dh, cfg, p), d, h, dh);
        SDVariable perHead = KeyValueAttention.weighted(sd, name, q, k, v, keyMask, cfg.attention(), 4, dh, dh, p);
        SDVariable byTime = sd.permute(perHead, 0, 2, 1, 3);                                   // [B, Tq, H, dh]
        SDVariable out = Projections.product(sd, Projections.flat(sd, byTime, wo, h * dh), wo,
                bias(sd, name + "/bo", d, cfg, p));                                              // [B*Tq, d]
        return sd.reshape(KeyValueAttention.outputName(name), out,
                DynamicShapes.replacingLast(sd, xq, 3, d));                                   // [B, Tq, d]
    }

    /** A zero-initialised projection bias {@code [n]} when the config asks for biases, else null. */
    private static SDVariable bias(SameDiff sd, String name, long n, MultiHeadConfig cfg, ParamInit init) {
        return cfg.bias() ? init.constant(sd, name, 0.0, n) : null;
    }

    /**
     * {@code [B, T, d]} x {@code [d, H*dh]} (+ {@code b [H*dh]} unless null) -> {@code [B, H, T, dh]}: the flat product
     * is reshaped straight into heads (the flattened {@code x} and its head shape are shared by the projections of
     * the same input).
     */
    private static SDVariable heads(SameDiff sd, SDVariable x, SDVariable w, SDVariable b, long d, long h, long dh) {
        SDVariable projected = Projections.product(sd, Projections.flat(sd, x, w, d), w, b);
        return sd.permute(sd.reshape(projected, DynamicShapes.replacingLast(sd, x, 3, h, dh)), 0, 2, 1, 3);
    }

    private static SDVariable fused(SameDiff sd, String name, SDVariable xq, SDVariable xkv, SDVariable keyMask,
                                    MultiHeadConfig cfg, SDVariable wq, SDVariable wk, SDVariable wv, SDVariable wo) {
        boolean scaled = cfg.attention().score() == ScoreFunction.SCALED_DOT;
        SDVariable q = sd.permute(xq, 0, 2, 1);                                           // [B, d, Tq]
        SDVariable kv = sd.permute(xkv, 0, 2, 1);
        SDVariable mask = keyMask == null ? null : keyMask.castTo(xq.dataType());
        SDVariable[] out = new MultiHeadDotProductAttention(sd, q, kv, kv,
                fusedInput(sd, wq, cfg), fusedInput(sd, wk, cfg), fusedInput(sd, wv, cfg),
                wo, mask, scaled, true).outputVariables();
        SDVariable result = sd.permute(out[0], 0, 2, 1);                                  // [B, Tq, d]
        SDVariable weights = sd.permute(out[1], 0, 1, 3, 2);            // the op returns [B, H, Tk, Tq]
        if (mask != null) {
            // The fused op spreads a fully padded row evenly; AttnLab's contract is zeros for such rows.
            SDVariable anyKey = sd.expandDims(sd.expandDims(sd.max(mask, 1), 1), 1);      // [B, 1, 1]
            result = result.mul(anyKey);
            weights = weights.mul(sd.expandDims(anyKey, 1));
        }
        sd.identity(weightsName(name), weights);
        return result;
    }

    /** {@code [d, H*dh]} -> the fused op's {@code [H, dh, d]}. */
    private static SDVariable fusedInput(SameDiff sd, SDVariable w, MultiHeadConfig cfg) {
        return sd.permute(sd.reshape(w, cfg.dModel(), cfg.heads(), cfg.headSize()), 1, 2, 0);
    }
}
