package org.attnlab.bench.cases;

import java.util.LinkedHashMap;
import java.util.Map;
import org.attnlab.bench.measure.Flops;
import org.attnlab.models.attention.AttentionConfig;
import org.attnlab.models.attention.MultiHeadAttention;
import org.attnlab.models.attention.MultiHeadConfig;
import org.attnlab.models.attention.ScoreFunction;
import org.attnlab.models.init.ParamInit;

/**
 * Case (1): a training step of multi-head self-attention ({@link MultiHeadAttention}) with one score function, on
 * the batched per-head graph or on libnd4j's fused op (dot and scaled dot only).
 */
final class AttentionCase implements BenchCase {
    private final Shapes shapes;
    private final ScoreFunction score;
    private final boolean fused;

    AttentionCase(Shapes shapes, ScoreFunction score, boolean fused) {
        this.shapes = shapes;
        this.score = score;
        this.fused = fused;
        if (fused && !config().usesFusedOp()) {
            throw new IllegalArgumentException("the fused op has no " + score.configName() + " score");
        }
    }

    @Override
    public String name() {
        return "mha-" + score.configName() + (fused ? "-fused" : "-perhead");
    }

    @Override
    public String description() {
        return "multi-head self-attention, " + score.configName() + " score, "
                + (fused ? "libnd4j fused op" : "batched per-head graph") + ": training session step + Adam on sum(out * w)";
    }

    @Override
    public Workload prepare() {
        Shapes s = shapes;
        double flops = Flops.training(Flops.multiHead(s.batch(), s.time(), s.time(), s.dModel(), s.heads(), score,
                s.headHidden()));
        return WeightedSumStep.of(s, x -> MultiHeadAttention.build(x.getSameDiff(), "attn", x, x, null, config(),
                new ParamInit(1)), flops, spec(s, "mha", score));
    }

    private MultiHeadConfig config() {
        return new MultiHeadConfig(shapes.dModel(), shapes.heads(),
                new AttentionConfig(score, shapes.headHidden(), false, AttentionConfig.NO_WINDOW, 0.0), fused, false);
    }

    /** The sizes of a synthetic case, for the record and for its PyTorch twin. */
    static Map<String, String> spec(Shapes s, String kind, ScoreFunction score) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("kind", kind);
        m.put("batch", Integer.toString(s.batch()));
        m.put("time", Integer.toString(s.time()));
        m.put("d_model", Integer.toString(s.dModel()));
        m.put("heads", Integer.toString(s.heads()));
        m.put("d_ff", Integer.toString(s.dFf()));
        m.put("score", score.configName());
        m.put("head_hidden", Integer.toString(s.headHidden()));
        m.put("additive_hidden", Integer.toString(s.additiveHidden()));
        m.put("lr", Double.toString(WeightedSumStep.LEARNING_RATE));
        return m;
    }
}
