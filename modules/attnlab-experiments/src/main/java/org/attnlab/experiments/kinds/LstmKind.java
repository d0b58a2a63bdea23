package org.attnlab.experiments.kinds;

import static org.attnlab.models.support.ConfigChecks.positive;

import java.util.List;
import java.util.Map;
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
     */
    public record Settings(int embedding, int hidden) {
        public Settings {
            positive("embedding", embedding);
            positive("hidden", hidden);
        }

        /** The model's config for data of {@code shape}. */
        public LstmTaggerConfig config(TaskShape shape) {
            return new LstmTaggerConfig(shape.vocab(), shape.seqLen(), embedding, hidden);
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
        return Map.of("embedding", 16, "hidden", 32);
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
