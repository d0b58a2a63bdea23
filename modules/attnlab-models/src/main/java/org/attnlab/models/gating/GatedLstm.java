package org.attnlab.models.gating;

import static org.attnlab.models.gating.LstmGateMaps.CELL_STATES;
import static org.attnlab.models.gating.LstmGateMaps.FORGET_GATES;
import static org.attnlab.models.gating.LstmGateMaps.HIDDEN;
import static org.attnlab.models.gating.LstmGateMaps.INPUT_GATES;
import static org.attnlab.models.gating.LstmGateMaps.OUTPUT_GATES;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.attnlab.models.init.ParamInit;
import org.attnlab.models.support.ConfigChecks;
import org.attnlab.models.support.StaticShapes;
import org.nd4j.autodiff.samediff.SDIndex;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * A unidirectional LSTM unrolled over time with plain SameDiff ops so that its gates are readable as attention-like
 * maps. Per step, with z = x_t Wx + h_{t-1} Wr + b split into (i, f, g, o):
 * {@code c_t = sigmoid(f) c_{t-1} + sigmoid(i) tanh(g)}, {@code h_t = sigmoid(o) tanh(c_t)}, h_0 = c_0 = 0 —
 * the same equations and gate order as {@code sd.rnn.lstmLayer} (and PyTorch's {@code nn.LSTM}).
 *
 * <p>Variables: {@code <name>/Wx} [inputSize, 4*hidden], {@code <name>/Wr} [hidden, 4*hidden], {@code <name>/b}
 * [4*hidden], columns in gate order i, f, g, o (from PyTorch: {@code weight_ih_l0} and {@code weight_hh_l0}
 * transposed, {@code bias_ih_l0 + bias_hh_l0}). Initialisation: per-gate Xavier-uniform Wx and Wr from
 * {@code init}; bias 0 except {@link LstmConfig#forgetBias()} (default 1) on the forget gate.
 * Named outputs: see {@link LstmGateMaps}.
 */
public final class GatedLstm {
    private GatedLstm() {
    }

    /** Adds the LSTM over {@code x} [B, T, inputSize] (T static) without a mask. */
    public static LstmGateMaps build(SameDiff sd, String name, SDVariable x, LstmConfig cfg, ParamInit init) {
        return build(sd, name, x, null, cfg, init);
    }

    /**
     * Adds the LSTM over {@code x} [B, T, inputSize] (T static). {@code mask} [B, T] (1 = keep, 0 = skip, same
     * type as x; may be null) carries the state unchanged over skipped steps and zeroes every map there.
     *
     * @throws IllegalArgumentException if x has no static shape [*, T, inputSize] or the mask is not [B, T]
     */
    public static LstmGateMaps build(SameDiff sd, String name, SDVariable x, SDVariable mask, LstmConfig cfg,
                                     ParamInit init) {
        int in = cfg.inputSize();
        long[] shape = StaticShapes.require(name + " input", x, StaticShapes.ANY, StaticShapes.ANY, in);
        if (shape[1] < 1) {
            throw new IllegalArgumentException(name + " input needs a static time dimension: expected [*, T >= 1, "
                    + in + "] but was " + Arrays.toString(shape));
        }
        return build(sd, name, x, mask, Math.toIntExact(shape[1]), cfg, init);
    }

    /**
     * Like {@link #build(SameDiff, String, SDVariable, SDVariable, LstmConfig, ParamInit)} with the number of time
     * steps given, for an {@code x} [B, steps, inputSize] that has no static shape (an op output such as an
     * embedding lookup); a wrong T then fails when the graph runs.
     *
     * @throws IllegalArgumentException if steps < 1 or a static shape of x or the mask does not match
     */
    public static LstmGateMaps build(SameDiff sd, String name, SDVariable x, SDVariable mask, int steps,
                                     LstmConfig cfg, ParamInit params) {
        ParamInit init = params.as(x.dataType());
        int in = cfg.inputSize();
        int h = cfg.hidden();
        ConfigChecks.positive("steps", steps);
        StaticShapes.check(name + " input", x, StaticShapes.ANY, steps, in);
        long batch = x.getShape() == null ? StaticShapes.ANY : x.getShape()[0];
        SDVariable wx = init.xavier(sd, name + "/Wx", in, h, in, 4L * h);
        SDVariable wr = init.xavier(sd, name + "/Wr", h, h, h, 4L * h);
        SDVariable b = init.constant(sd, name + "/b", 0, 4L * h);
        b.getArr().get(NDArrayIndex.interval(h, 2L * h)).assign(cfg.forgetBias());

        SDVariable projected = sd.reshape(sd.reshape(x, -1, in).mmul(wx), -1, steps, 4L * h).add(b);
        SDVariable[] zx = sd.unstack(projected, 1, steps);
        SDVariable[] keep = null;
        if (mask != null) {
            StaticShapes.check(name + " mask", mask, batch, steps);
            keep = sd.unstack(sd.expandDims(mask, 2), 1, steps);
        }
        return unroll(sd, name, zx, keep, wr, h);
    }

    /** Runs the recurrence over the projected inputs {@code zx[t]} [B, 4h] and stacks the per-step maps. */
    private static LstmGateMaps unroll(SameDiff sd, String name, SDVariable[] zx, SDVariable[] keep, SDVariable wr,
                                       int h) {
        List<SDVariable> is = new ArrayList<>();
        List<SDVariable> fs = new ArrayList<>();
        List<SDVariable> os = new ArrayList<>();
        List<SDVariable> cs = new ArrayList<>();
        List<SDVariable> hs = new ArrayList<>();
        SDVariable hPrev = null;
        SDVariable cPrev = null;
        for (int t = 0; t < zx.length; t++) {
            SDVariable z = hPrev == null ? zx[t] : zx[t].add(hPrev.mmul(wr));
            SDVariable i = sd.nn.sigmoid(gate(z, 0, h));
            SDVariable f = sd.nn.sigmoid(gate(z, 1, h));
            SDVariable g = sd.math.tanh(gate(z, 2, h));
            SDVariable o = sd.nn.sigmoid(gate(z, 3, h));
            SDVariable c = cPrev == null ? i.mul(g) : f.mul(cPrev).add(i.mul(g));
            SDVariable hNew = o.mul(sd.math.tanh(c));
            SDVariable m = keep == null ? null : keep[t];
            is.add(masked(i, m));
            fs.add(masked(f, m));
            os.add(masked(o, m));
            cs.add(masked(c, m));
            hs.add(masked(hNew, m));
            cPrev = carried(c, cPrev, m);
            hPrev = carried(hNew, hPrev, m);
        }
        return new LstmGateMaps(stack(sd, name + HIDDEN, hs), stack(sd, name + FORGET_GATES, fs),
                stack(sd, name + INPUT_GATES, is), stack(sd, name + OUTPUT_GATES, os),
                stack(sd, name + CELL_STATES, cs));
    }

    /** Pre-activation of gate {@code k} (0 = i, 1 = f, 2 = g, 3 = o) from z [B, 4h]. */
    private static SDVariable gate(SDVariable z, int k, int h) {
        return z.get(SDIndex.all(), SDIndex.interval((long) k * h, (long) (k + 1) * h));
    }

    private static SDVariable masked(SDVariable value, SDVariable keep) {
        return keep == null ? value : value.mul(keep);
    }

    /** The state after a step: the new value where kept, the previous one (or 0 before the first) where not. */
    private static SDVariable carried(SDVariable value, SDVariable previous, SDVariable keep) {
        if (keep == null) {
            return value;
        }
        return previous == null ? value.mul(keep) : previous.add(value.sub(previous).mul(keep));
    }

    private static SDVariable stack(SameDiff sd, String name, List<SDVariable> steps) {
        return sd.stack(name, 1, steps.toArray(new SDVariable[0]));
    }
}
