package org.attnlab.experiments.kinds;

import static org.attnlab.models.support.ConfigChecks.dividing;
import static org.attnlab.models.support.ConfigChecks.positive;
import static org.attnlab.models.support.ConfigChecks.present;
import static org.attnlab.models.support.ConfigChecks.rate;

import java.util.List;
import java.util.Map;
import org.nd4j.linalg.factory.Nd4j;
import org.attnlab.models.attention.AdditiveInit;
import org.attnlab.models.attention.AttentionConfig;
import org.attnlab.models.attention.MultiHeadAttention;
import org.attnlab.models.attention.ScoreFunction;
import org.attnlab.models.tasks.SequenceTagger;
import org.attnlab.models.tasks.SequenceTaggerConfig;

/** Model kind {@code tagger}: {@link SequenceTagger} on token sequences; its self-attention is plotted. */
public final class TaggerKind implements ModelKind<TaggerKind.Settings> {
    /**
     * The {@code model} section of a tagger: {@link SequenceTaggerConfig} without the data's sizes.
     *
     * @param dModel           embedding and attention size
     * @param heads            attention heads; must divide {@code dModel}
     * @param score            score function
     * @param additiveHidden   hidden size of the additive score
     * @param dropout          dropout on embeddings + positions and on the attention output (training only)
     * @param attentionDropout dropout on the attention weights (training only)
     * @param additiveInit       initial values of the additive score
     * @param fusedAttention     libnd4j's fused attention op where it applies
     * @param embeddingInitScale token and position tables drawn from Normal(0, scale / sqrt(d_model))
     */
    public record Settings(int dModel, int heads, ScoreFunction score, int additiveHidden, double dropout,
                           double attentionDropout, AdditiveInit additiveInit, boolean fusedAttention,
                           double embeddingInitScale) {
        public Settings {
            positive("d_model", dModel);
            dividing("heads", heads, "d_model", dModel);
            present("score", score, ScoreFunction.validNames());
            positive("additive_hidden", additiveHidden);
            rate("dropout", dropout);
            rate("attention_dropout", attentionDropout);
            present("additive_init", additiveInit, AdditiveInit.validNames());
            positive("embedding_init_scale", embeddingInitScale);
        }

        /** The model's config for data of {@code shape}. */
        public SequenceTaggerConfig config(TaskShape shape) {
            return new SequenceTaggerConfig(shape.vocab(), shape.seqLen(), dModel, heads,
                    AttentionConfig.of(score, additiveHidden).withDropout(attentionDropout)
                            .withAdditiveInit(additiveInit), dropout, fusedAttention, embeddingInitScale);
        }
    }

    @Override
    public String name() {
        return "tagger";
    }

    @Override
    public Class<Settings> settingsType() {
        return Settings.class;
    }

    @Override
    public Map<String, Object> defaults() {
        return Map.of("d_model", 32, "heads", 2, "score", "scaled_dot", "additive_hidden", 16, "dropout", 0.0,
                "attention_dropout", 0.0, "additive_init", "xavier", "fused_attention", false,
                "embedding_init_scale", 1.0);
    }

    @Override
    public DataKind data() {
        return DataKind.SEQUENCES;
    }

    @Override
    public TrainableModel build(Settings s, TaskShape shape, long seed) {
        return TrainableModel.simple(SequenceTagger.build(s.config(shape), seed), SequenceTagger.TOKENS,
                SequenceTagger.LABELS, SequenceTagger.PROBS, SequenceTagger.LOSS).withMaps(List.of(
                        new TrainableModel.AttentionMap(MultiHeadAttention.weightsName(SequenceTagger.ATTENTION),
                                "self-attention (" + s.score().configName() + ", mean over heads)", false)));
    }

    @Override
    public boolean trainsMembers(Settings s) {
        return !s.fusedAttention();
    }

    @Override
    public TrainableModel buildMembers(Settings s, TaskShape shape, long[] seeds) {
        return TrainableModel.simple(SequenceTagger.buildMembers(s.config(shape), seeds,
                        Nd4j.defaultFloatingPointType()), SequenceTagger.TOKENS, SequenceTagger.LABELS,
                SequenceTagger.PROBS, SequenceTagger.LOSS);
    }
}
