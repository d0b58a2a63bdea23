package org.attnlab.experiments.kinds;

import static org.attnlab.models.support.ConfigChecks.finite;
import static org.attnlab.models.support.ConfigChecks.positive;
import static org.attnlab.models.support.ConfigChecks.rate;

import java.util.List;
import java.util.Map;
import org.attnlab.models.gating.LstmConfig;
import org.attnlab.models.gating.LstmGateMaps;
import org.attnlab.models.gating.LstmTagger;
import org.attnlab.models.gating.LstmTaggerConfig;

/**
 * Model kind {@code lstm}: {@link LstmTagger} on the synthetic tasks (tokens / one-hot labels, like {@code tagger}).
 * Its forget, input and output gates {@code [B, T, hidden]} are plotted for test examples (rows: time steps with their
 * source tokens, columns: hidden units).
 */
public final class LstmKind implements ModelKind<LstmKind.Settings> {
    private static final List<String> GATES = List.of(LstmGateMaps.FORGET_GATES, LstmGateMaps.INPUT_GATES,
            LstmGateMaps.OUTPUT_GATES);

    /**
     * The {@code model} section of an LSTM tagger: {@link LstmTaggerConfig} without the data's sizes.
     *
     * @param embedding size of the token embeddings
     * @param hidden    LSTM hidden units
     * @param dropout            dropout on the embeddings and the LSTM output (training only)
     * @param forgetBias         initial forget-gate bias
     * @param embeddingInitScale embeddings drawn from Normal(0, scale / sqrt(embedding))
     */
    public record Settings(int embedding, int hidden, double dropout, double forgetBias, double embeddingInitScale) {
        public Settings {
            positive("embedding", embedding);
            positive("hidden", hidden);
            rate("dropout", dropout);
            finite("forget_bias", forgetBias);
            positive("embedding_init_scale", embeddingInitScale);
        }

        /** The model's config for data of {@code shape}. */
        public LstmTaggerConfig config(TaskShape shape) {
            return new LstmTaggerConfig(shape.vocab(), shape.seqLen(), embedding, hidden, dropout, forgetBias,
                    embeddingInitScale);
        }
    }

    @Override
    public String name() {
        return "lstm";
    }

    @Override
    public Class<Settings> settingsType() {
        return Settings.class;
    }

    @Override
    public Map<String, Object> defaults() {
        return Map.of("embedding", 16, "hidden", 32, "dropout", 0.0,
                "forget_bias", LstmConfig.DEFAULT_FORGET_BIAS, "embedding_init_scale", 1.0);
    }

    @Override
    public DataKind data() {
        return DataKind.SEQUENCES;
    }

    @Override
    public TrainableModel build(Settings s, TaskShape shape, long seed) {
        List<TrainableModel.AttentionMap> maps = GATES.stream().map(g -> TrainableModel.AttentionMap.units(
                LstmTagger.LSTM + g, g.substring(1).replace('_', ' ') + " (time steps x hidden units)")).toList();
        return TrainableModel.simple(LstmTagger.build(s.config(shape), seed), LstmTagger.TOKENS, LstmTagger.LABELS,
                LstmTagger.PROBS, LstmTagger.LOSS).withMaps(maps);
    }
}
