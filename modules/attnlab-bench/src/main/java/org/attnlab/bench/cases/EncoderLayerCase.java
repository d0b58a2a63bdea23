package org.attnlab.bench.cases;

import java.util.Locale;
import org.attnlab.bench.measure.Flops;
import org.attnlab.models.attention.AdditiveInit;
import org.attnlab.models.attention.AttentionConfig;
import org.attnlab.models.attention.ScoreFunction;
import org.attnlab.models.init.ParamInit;
import org.attnlab.models.support.ConfigChecks;
import org.attnlab.models.transformer.EncoderLayer;
import org.attnlab.models.transformer.NormPlacement;
import org.attnlab.models.transformer.PositionalKind;
import org.attnlab.models.transformer.TransformerConfig;

/**
 * Case (2): a training step of one Transformer {@link EncoderLayer} (scaled-dot multi-head self-attention and a
 * ReLU feed-forward network, residuals, layer norm after (post-LN) or before (pre-LN) each sublayer).
 */
final class EncoderLayerCase implements BenchCase {
    private final Shapes shapes;
    private final NormPlacement norm;

    EncoderLayerCase(Shapes shapes, NormPlacement norm) {
        this.shapes = shapes;
        this.norm = norm;
    }

    @Override
    public String name() {
        return "encoder-" + norm.name().toLowerCase(Locale.ROOT) + "ln";
    }

    @Override
    public String description() {
        return "encoder layer, " + (norm == NormPlacement.PRE ? "pre-LN" : "post-LN")
                + ", scaled dot, ReLU FFN: training session step + Adam on sum(out * w)";
    }

    @Override
    public Workload prepare() {
        Shapes s = shapes;
        TransformerConfig cfg = new TransformerConfig(2, 2, s.time(), 1, s.dModel(), s.heads(), s.dFf(), 0.0,
                norm, true, PositionalKind.NONE, false, ScoreFunction.SCALED_DOT, 0, 0.0, 0.0,
                AttentionConfig.DEFAULT_ADDITIVE_HIDDEN, false, 1e-5, false, 1.0, 1.0, AdditiveInit.XAVIER);
        double flops = Flops.training(Flops.multiHead(s.batch(), s.time(), s.time(), s.dModel(), s.heads(),
                ScoreFunction.SCALED_DOT, 0) + Flops.feedForward(s.tokens(), s.dModel(), s.dFf()));
        var spec = AttentionCase.spec(s, "encoder", ScoreFunction.SCALED_DOT);
        spec.put("norm", ConfigChecks.configName(cfg.norm()));
        return WeightedSumStep.of(s, x -> EncoderLayer.build(x.getSameDiff(), "enc", x, null, cfg, new ParamInit(1)),
                flops, spec);
    }
}
