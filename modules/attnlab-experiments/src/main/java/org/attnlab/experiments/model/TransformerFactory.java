package org.attnlab.experiments.model;

import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.attnlab.models.attention.AttentionConfig;
import org.attnlab.models.transformer.GreedyDecoder;
import org.attnlab.models.transformer.LayerNorm;
import org.attnlab.models.transformer.Transformer;
import org.attnlab.models.transformer.TransformerConfig;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Model kind {@code transformer}: {@link Transformer} (encoder-decoder). On a synthetic task the source is the input
 * and the target the task's output, read behind an added begin-of-sequence id; on a translation corpus its own
 * decoder input is used. Padding (id 0) is masked from the ids: the id is the data's convention ({@link TaskShape}),
 * not a key.
 */
public final class TransformerFactory implements ModelFactory<TransformerSettings> {
    @Override
    public String kind() {
        return "transformer";
    }

    @Override
    public Class<TransformerSettings> settingsType() {
        return TransformerSettings.class;
    }

    @Override
    public Map<String, Object> defaults() {
        return Map.ofEntries(Map.entry("layers", 1), Map.entry("d_model", 32), Map.entry("heads", 4),
                Map.entry("d_ff", 64), Map.entry("norm", "post"), Map.entry("residual", true),
                Map.entry("positional", "sinusoidal"), Map.entry("score", "scaled_dot"), Map.entry("dropout", 0.0),
                Map.entry("embedding_dropout", 0.0), Map.entry("attention_dropout", 0.0),
                Map.entry("additive_hidden", AttentionConfig.DEFAULT_ADDITIVE_HIDDEN),
                Map.entry("attention_bias", false), Map.entry("layer_norm_eps", LayerNorm.DEFAULT_EPS),
                Map.entry("fused_attention", false), Map.entry("embedding_init_scale", 1.0),
                Map.entry("position_init_std", 1.0), Map.entry("additive_init", "xavier"),
                Map.entry("shared_embeddings", false));
    }

    @Override
    public TrainableModel build(TransformerSettings s, TaskShape shape, long seed) {
        TransformerConfig cfg = config(s, shape);
        int bos = shape.decoderBos();
        int last = s.layers() - 1;
        return new TrainableModel(Transformer.build(cfg, seed), List.of(Transformer.SRC, Transformer.TGT_IN),
                List.of(Transformer.LABELS), adapter(bos), Transformer.PROBS, Transformer.LOSS,
                List.of(new TrainableModel.AttentionMap(Transformer.encoderSelfWeights(last),
                                "encoder self-attention, layer " + (last + 1), false),
                        new TrainableModel.AttentionMap(Transformer.decoderCrossWeights(last),
                                "decoder cross-attention, layer " + (last + 1), true)),
                (sd, raw, length) -> GreedyDecoder.decode(sd, cfg, RawBatches.source(raw), length, bos));
    }

    @Override
    public boolean trainsMembers(TransformerSettings s) {
        return !s.fusedAttention();
    }

    @Override
    public TrainableModel buildMembers(TransformerSettings s, TaskShape shape, long[] seeds) {
        return new TrainableModel(Transformer.buildMembers(config(s, shape), seeds, Nd4j.defaultFloatingPointType()),
                List.of(Transformer.SRC, Transformer.TGT_IN), List.of(Transformer.LABELS),
                adapter(shape.decoderBos()), Transformer.PROBS, Transformer.LOSS, List.of(), null);
    }

    /** Raw batch to {@code [src, tgt_in]} and {@code [labels]} ids. */
    private static UnaryOperator<org.nd4j.linalg.dataset.api.MultiDataSet> adapter(int bos) {
        return raw -> new MultiDataSet(new INDArray[]{RawBatches.source(raw), RawBatches.decoderInput(raw, bos)},
                new INDArray[]{RawBatches.targetIds(raw)});
    }

    /** The model config for data of {@code shape}. */
    static TransformerConfig config(TransformerSettings s, TaskShape shape) {
        if (s.sharedEmbeddings() && (shape.vocab() != shape.targetVocab() || shape.bos() != TaskShape.NO_BOS)) {
            throw new IllegalArgumentException("shared_embeddings = true is not valid: needs the source and target "
                    + "ids of one vocabulary (a synthetic task); the data has " + shape.vocab() + " source and "
                    + shape.targetVocab() + " target ids");
        }
        int srcVocab = s.sharedEmbeddings() ? shape.decoderVocab() : shape.vocab();   // + the added start id
        return new TransformerConfig(srcVocab, shape.decoderVocab(), shape.seqLen(), s.layers(), s.dModel(),
                s.heads(), s.dFf(), s.dropout(), s.norm(), s.residual(), s.positional(), s.sharedEmbeddings(),
                s.score(), 0, s.embeddingDropout(), s.attentionDropout(), s.additiveHidden(), s.attentionBias(),
                s.layerNormEps(), s.fusedAttention(), s.embeddingInitScale(), s.positionInitStd(), s.additiveInit());
    }
}
