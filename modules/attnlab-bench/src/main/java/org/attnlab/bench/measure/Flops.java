package org.attnlab.bench.measure;

import org.attnlab.models.attention.ScoreFunction;

/**
 * Analytic FLOP counts. Only matrix products are counted, {@code 2 m k n} for {@code [m, k] x [k, n]}; element-wise
 * work (softmax, layer norm, tanh, adds, the loss) is not. A training step counts {@link #training three times} the
 * forward products: the forward pass plus the gradients with respect to both operands of every product (also where
 * an operand is an input that needs no gradient).
 */
public final class Flops {
    private Flops() {
    }

    /** {@code [m, k] x [k, n]}: {@code 2 m k n}. */
    public static double matmul(long m, long k, long n) {
        return 2.0 * m * k * n;
    }

    /** Forward plus backward of products that cost {@code forward}: {@code 3 x forward}. */
    public static double training(double forward) {
        return 3 * forward;
    }

    /**
     * Scores of {@code groups} independent (batch x head) problems, {@code Tq} queries against {@code Tk} keys of
     * size {@code dk}: dot and scaled dot {@code q k^T}; general {@code (q W) k^T} with {@code W [dk, dk]}; additive
     * {@code v^T tanh(q W_q + k W_k)} with {@code W_q, W_k [dk, hidden]}, {@code v [hidden, 1]} applied to
     * every {@code [Tq, Tk, hidden]} entry.
     */
    public static double scores(long groups, long tq, long tk, long dk, ScoreFunction score, long hidden) {
        double perGroup = switch (score) {
            case DOT, SCALED_DOT -> matmul(tq, dk, tk);
            case GENERAL -> matmul(tq, dk, dk) + matmul(tq, dk, tk);
            case ADDITIVE -> matmul(tq, dk, hidden) + matmul(tk, dk, hidden) + matmul(tq * tk, hidden, 1);
        };
        return groups * perGroup;
    }

    /** Key-value attention of {@code groups} problems: scores plus weights {@code [Tq, Tk]} x values {@code [Tk, dv]}. */
    public static double attention(long groups, long tq, long tk, long dk, long dv, ScoreFunction score, long hidden) {
        return scores(groups, tq, tk, dk, score, hidden) + groups * matmul(tq, tk, dv);
    }

    /**
     * Multi-head attention of {@code [B, Tq, d]} queries over {@code [B, Tk, d]} keys and values: the projections
     * W_q, W_k, W_v, W_o ({@code [d, d]}) and {@code heads} attentions of head size {@code d / heads}.
     */
    public static double multiHead(long b, long tq, long tk, long d, long heads, ScoreFunction score, long hidden) {
        long dh = d / heads;
        double projections = 2 * matmul(b * tq, d, d) + 2 * matmul(b * tk, d, d);
        return projections + attention(b * heads, tq, tk, dh, dh, score, hidden);
    }

    /** Position-wise feed-forward network {@code d -> dFf -> d} on {@code tokens} rows. */
    public static double feedForward(long tokens, long d, long dFf) {
        return matmul(tokens, d, dFf) + matmul(tokens, dFf, d);
    }
}
