package org.attnlab.bench.cases;

import org.attnlab.bench.measure.Flops;
import org.attnlab.models.attention.AttentionConfig;
import org.attnlab.models.attention.KeyValueAttention;
import org.attnlab.models.attention.ScoreFunction;
import org.attnlab.models.init.ParamInit;

/**
 * Case (3): a training step of single-head additive self-attention ({@code x [B, T, d]} as query, key and value,
 * no projections), whose score {@code v^T tanh(W_q q + W_k k)} is built {@value #BLOCK} hidden units at a time, so
 * its largest arrays are {@code [B, T, T, 8]} rather than {@code [B, T, T, hidden]}.
 */
final class AdditiveScoreCase implements BenchCase {
    /** Hidden units per block ({@link AttentionConfig#additiveBlock()}); 8 held the least memory of 4, 8, 16 and 32. */
    static final int BLOCK = 8;
    private final Shapes shapes;

    AdditiveScoreCase(Shapes shapes) {
        this.shapes = shapes;
    }

    @Override
    public String name() {
        return "additive-score";
    }

    @Override
    public String description() {
        return "additive self-attention, one head, scores in blocks of " + BLOCK
                + " hidden units: training step + Adam on sum(out * w)";
    }

    @Override
    public Workload prepare() {
        Shapes s = shapes;
        AttentionConfig cfg = new AttentionConfig(ScoreFunction.ADDITIVE, s.additiveHidden(), false,
                AttentionConfig.NO_WINDOW, 0.0).withAdditiveBlock(BLOCK);
        double flops = Flops.training(Flops.attention(s.batch(), s.time(), s.time(), s.dModel(), s.dModel(),
                ScoreFunction.ADDITIVE, s.additiveHidden()));
        return WeightedSumStep.of(s, x -> KeyValueAttention.attend(x.getSameDiff(), "attn", x, x, x, null, cfg,
                s.dModel(), s.dModel(), new ParamInit(1)), flops, AttentionCase.spec(s, "additive", ScoreFunction.ADDITIVE));
    }
}
