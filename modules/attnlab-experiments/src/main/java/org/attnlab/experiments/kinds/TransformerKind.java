package org.attnlab.experiments.kinds;

import static org.attnlab.models.support.ConfigChecks.dividing;
import static org.attnlab.models.support.ConfigChecks.finiteAtLeast;
import static org.attnlab.models.support.ConfigChecks.positive;
import static org.attnlab.models.support.ConfigChecks.present;
import static org.attnlab.models.support.ConfigChecks.rate;

import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.attnlab.datasets.iter.BatchArrays;
import org.attnlab.models.attention.AdditiveInit;
import org.attnlab.models.attention.AttentionConfig;
import org.attnlab.models.attention.ScoreFunction;
import org.attnlab.models.transformer.GreedyDecoder;
import org.attnlab.models.transformer.LayerNorm;
import org.attnlab.models.transformer.NormPlacement;
import org.attnlab.models.transformer.PositionalEncoding;
import org.attnlab.models.transformer.PositionalKind;
import org.attnlab.models.transformer.Transformer;
import org.attnlab.models.support.ConfigValueException;
import org.attnlab.models.transformer.TransformerConfig;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Model kind {@code transformer}: {@link Transformer} (encoder-decoder). On a synthetic task the source is the input
 * and the target the task's output, read behind an added begin-of-sequence id; on a translation corpus its own
 * decoder input is used. Padding (id 0) is masked from the ids. The last layer's encoder self-attention and decoder
 * cross-attention are plotted, and with sinusoidal positions the position table (positions x dimensions).
 */
public final class TransformerKind implements ModelKind<TransformerKind.Settings> {
    /**
     * The {@code model} section of a transformer: {@link TransformerConfig} without the data's sizes and the padding
     * id (0: the data's convention, see {@link TaskShape}, not a key).
     *
     * @param layers           encoder layers, and as many decoder layers
     * @param dModel           model size
     * @param heads            attention heads; must divide {@code dModel}
     * @param dFf              feed-forward hidden size
     * @param norm             layer-norm placement
     * @param residual         residual connections around every sublayer
     * @param positional       position information
     * @param score            attention score function
     * @param dropout          dropout on every sublayer's output before its residual add (training only)
     * @param embeddingDropout dropout on embeddings + positions (training only)
     * @param attentionDropout dropout on the attention weights (training only)
     * @param additiveHidden   hidden size of the additive score
     * @param attentionBias    biases on the attention projections (as PyTorch)
     * @param layerNormEps     epsilon of every layer norm
     * @param fusedAttention     libnd4j's fused attention op where it applies (same values, other speed)
     * @param embeddingInitScale token tables drawn from Normal(0, scale / sqrt(d_model))
     * @param positionInitStd    standard deviation of learned position tables at the start
     * @param additiveInit       initial values of the additive score
     * @param sharedEmbeddings   one token table for source and target (synthetic tasks, whose ids are one vocabulary)
     */
    public record Settings(int layers, int dModel, int heads, int dFf, NormPlacement norm, boolean residual,
                           PositionalKind positional, ScoreFunction score, double dropout, double embeddingDropout,
                           double attentionDropout, int additiveHidden, boolean attentionBias, double layerNormEps,
                           boolean fusedAttention, double embeddingInitScale, double positionInitStd,
                           AdditiveInit additiveInit, boolean sharedEmbeddings) {
        public Settings {
            positive("layers", layers);
            positive("d_model", dModel);
            dividing("heads", heads, "d_model", dModel);
            positive("d_ff", dFf);
            rate("dropout", dropout);
            rate("embedding_dropout", embeddingDropout);
            rate("attention_dropout", attentionDropout);
            positive("additive_hidden", additiveHidden);
            finiteAtLeast("layer_norm_eps", layerNormEps, 0);
            positive("embedding_init_scale", embeddingInitScale);
            positive("position_init_std", positionInitStd);
            present("additive_init", additiveInit, AdditiveInit.validNames());
        }

        /** The model's config for data of {@code shape}. */
        public TransformerConfig config(TaskShape shape) {
            if (sharedEmbeddings && (shape.vocab() != shape.targetVocab() || shape.bos() != TaskShape.NO_BOS)) {
                throw new ConfigValueException("shared_embeddings", "needs the source and target ids of one "
                        + "vocabulary (a synthetic task); the data has " + shape.vocab() + " source and "
                        + shape.targetVocab() + " target ids");
            }
            int srcVocab = sharedEmbeddings ? shape.decoderVocab() : shape.vocab();   // + the added start id
            return new TransformerConfig(srcVocab, shape.decoderVocab(), shape.seqLen(), layers, dModel, heads, dFf,
                    dropout, norm, residual, positional, sharedEmbeddings, score, 0, embeddingDropout,
                    attentionDropout, additiveHidden, attentionBias, layerNormEps, fusedAttention,
                    embeddingInitScale, positionInitStd, additiveInit);
        }
    }

    @Override
    public String name() {
        return "transformer";
    }

    @Override
    public Class<Settings> settingsType() {
        return Settings.class;
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
    public DataKind data() {
        return DataKind.SEQUENCES;
    }

    @Override
    public TrainableModel build(Settings s, TaskShape shape, long seed) {
        TransformerConfig cfg = s.config(shape);
        int bos = shape.decoderBos();
        int last = s.layers() - 1;
        return new TrainableModel(Transformer.build(cfg, seed), List.of(Transformer.SRC, Transformer.TGT_IN),
                List.of(Transformer.LABELS), adapter(bos), Transformer.PROBS, Transformer.LOSS,
                List.of(new TrainableModel.AttentionMap(Transformer.encoderSelfWeights(last),
                                "encoder self-attention, layer " + (last + 1), false),
                        new TrainableModel.AttentionMap(Transformer.decoderCrossWeights(last),
                                "decoder cross-attention, layer " + (last + 1), true)),
                (sd, raw, length) -> GreedyDecoder.decode(sd, cfg, RawBatches.source(raw), length, bos),
                figures(cfg));
    }

    @Override
    public boolean trainsMembers(Settings s) {
        return !s.fusedAttention();
    }

    @Override
    public TrainableModel buildMembers(Settings s, TaskShape shape, long[] seeds) {
        return new TrainableModel(Transformer.buildMembers(s.config(shape), seeds, Nd4j.defaultFloatingPointType()),
                List.of(Transformer.SRC, Transformer.TGT_IN), List.of(Transformer.LABELS),
                adapter(shape.decoderBos()), Transformer.PROBS, Transformer.LOSS, List.of(), null);
    }

    /**
     * Encoder and decoder layers {@code enc/<i>}, {@code dec/<i>}, the pre-LN final norms {@code enc/norm},
     * {@code dec/norm}, the output projection {@code out} and the token and position tables {@code embeddings}.
     */
    @Override
    public String layerOf(String parameter) {
        String[] parts = parameter.split("/");
        if (parts[0].equals("enc") || parts[0].equals("dec")) {
            return parts[0] + "/" + parts[1];
        }
        return parts[0].equals("out") ? "out" : "embeddings";
    }

    @Override
    public boolean namesLayers() {
        return true;
    }

    /**
     * Raw batch to {@code [src, tgt_in]} and {@code [labels]} ids. The ids are written into arrays the adapter keeps,
     * so a training step makes no new arrays for them: an adapted batch is valid until the adapter's next call.
     */
    private static UnaryOperator<org.nd4j.linalg.dataset.api.MultiDataSet> adapter(int bos) {
        BatchArrays arrays = BatchArrays.reused(2);
        return raw -> new MultiDataSet(new INDArray[]{RawBatches.source(raw), RawBatches.decoderInput(raw, bos, arrays, 0)},
                new INDArray[]{RawBatches.targetIds(raw, arrays, 1)});
    }

    /** The sinusoidal position table {@code [maxLen, dModel]} the model adds, when it uses one. */
    private static List<TrainableModel.Figure> figures(TransformerConfig cfg) {
        if (cfg.positional() != PositionalKind.SINUSOIDAL) {
            return List.of();
        }
        return List.of(new TrainableModel.Figure("positional-d" + cfg.dModel() + "-len" + cfg.maxLen(),
                "sinusoidal positional encoding (positions x dimensions), d_model " + cfg.dModel(),
                PositionalEncoding.table(cfg.maxLen(), cfg.dModel()).toDoubleMatrix()));
    }
}
