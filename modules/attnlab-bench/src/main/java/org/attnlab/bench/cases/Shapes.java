package org.attnlab.bench.cases;

/**
 * Sizes of the synthetic cases (attention, encoder layer, additive score). The experiment-model cases use the sizes
 * their YAML files configure.
 *
 * @param batch            B
 * @param time             T (queries and keys)
 * @param dModel           model size d
 * @param heads            attention heads H (divides d)
 * @param dFf              feed-forward hidden size of the encoder layer
 * @param headHidden       hidden size of the additive score inside multi-head attention (shared by the heads)
 * @param additiveHidden   hidden size of the single-head additive score case, whose {@code [B, T, T, hidden]}
 *                         tensor dominates
 */
public record Shapes(int batch, int time, int dModel, int heads, int dFf, int headHidden, int additiveHidden) {
    /** The sizes of the measurements: B=32, T=128, d=256, 8 heads, FFN 1024, hidden 16 and 256. */
    public static final Shapes DEFAULT = new Shapes(32, 128, 256, 8, 1024, 16, 256);
    /** Tiny sizes for a smoke test of the suite. */
    public static final Shapes SMOKE = new Shapes(2, 4, 8, 2, 16, 3, 5);

    public Shapes {
        if (batch < 1 || time < 1 || dModel < 1 || heads < 1 || dFf < 1 || headHidden < 1 || additiveHidden < 1) {
            throw new IllegalArgumentException("every size must be >= 1, were " + this);
        }
        if (dModel % heads != 0) {
            throw new IllegalArgumentException("heads = " + heads + " must divide dModel = " + dModel);
        }
    }

    /** Source tokens per step, {@code B x T}. */
    public long tokens() {
        return (long) batch * time;
    }
}
