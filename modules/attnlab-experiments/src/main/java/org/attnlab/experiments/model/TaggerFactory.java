package org.attnlab.experiments.model;

import java.util.List;
import org.nd4j.linalg.factory.Nd4j;
import java.util.Map;
import org.attnlab.models.attention.AdditiveInit;
import org.attnlab.models.attention.AttentionConfig;
import org.attnlab.models.attention.MultiHeadAttention;
import org.attnlab.models.attention.ScoreFunction;
import org.attnlab.models.tasks.SequenceTagger;
import org.attnlab.models.tasks.SequenceTaggerConfig;

/** Model kind {@code tagger}: {@link SequenceTagger}. */
public final class TaggerFactory implements ModelFactory<TaggerSettings> {
    @Override
    public String kind() {
        return "tagger";
    }

    @Override
    public Class<TaggerSettings> settingsType() {
        return TaggerSettings.class;
    }

    @Override
    public Map<String, Object> defaults() {
        return Map.of("d_model", 32, "heads", 2, "score", "scaled_dot", "additive_hidden", 16, "dropout", 0.0,
                "attention_dropout", 0.0, "additive_init", "xavier", "fused_attention", false,
                "embedding_init_scale", 1.0);
    }

    @Override
    public TrainableModel build(TaggerSettings s, TaskShape shape, long seed) {
        return TrainableModel.simple(SequenceTagger.build(config(s, shape), seed), SequenceTagger.TOKENS, SequenceTagger.LABELS,
                SequenceTagger.PROBS, SequenceTagger.LOSS).withMaps(List.of(new TrainableModel.AttentionMap(
                        MultiHeadAttention.weightsName(SequenceTagger.ATTENTION), "self-attention (" + s.score()
                        + ", mean over heads)", false)));
    }

    @Override
    public boolean trainsMembers(TaggerSettings s) {
        return !s.fusedAttention();
    }

    @Override
    public TrainableModel buildMembers(TaggerSettings s, TaskShape shape, long[] seeds) {
        return TrainableModel.simple(SequenceTagger.buildMembers(config(s, shape), seeds,
                        Nd4j.defaultFloatingPointType()), SequenceTagger.TOKENS, SequenceTagger.LABELS,
                SequenceTagger.PROBS, SequenceTagger.LOSS);
    }

    private static SequenceTaggerConfig config(TaggerSettings s, TaskShape shape) {
        AttentionConfig attention = AttentionConfig.of(ScoreFunction.fromName(s.score()), s.additiveHidden())
                .withDropout(s.attentionDropout()).withAdditiveInit(AdditiveInit.fromName(s.additiveInit()));
        return new SequenceTaggerConfig(shape.vocab(), shape.seqLen(), s.dModel(), s.heads(), attention, s.dropout(),
                s.fusedAttention(), s.embeddingInitScale());
    }
}
