package org.attnlab.experiments.model;

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
public final class LstmFactory implements ModelFactory<LstmSettings> {
    private static final List<String> GATES = List.of(LstmGateMaps.FORGET_GATES, LstmGateMaps.INPUT_GATES,
            LstmGateMaps.OUTPUT_GATES);

    @Override
    public String kind() {
        return "lstm";
    }

    @Override
    public Class<LstmSettings> settingsType() {
        return LstmSettings.class;
    }

    @Override
    public Map<String, Object> defaults() {
        return Map.of("embedding", 16, "hidden", 32, "dropout", 0.0,
                "forget_bias", LstmConfig.DEFAULT_FORGET_BIAS, "embedding_init_scale", 1.0);
    }

    @Override
    public TrainableModel build(LstmSettings s, TaskShape shape, long seed) {
        LstmTaggerConfig cfg = new LstmTaggerConfig(shape.vocab(), shape.seqLen(), s.embedding(), s.hidden(),
                s.dropout(), s.forgetBias(), s.embeddingInitScale());
        List<TrainableModel.AttentionMap> maps = GATES.stream().map(g -> TrainableModel.AttentionMap.units(
                LstmTagger.LSTM + g, g.substring(1).replace('_', ' ') + " (time steps x hidden units)")).toList();
        return TrainableModel.simple(LstmTagger.build(cfg, seed), LstmTagger.TOKENS, LstmTagger.LABELS,
                LstmTagger.PROBS, LstmTagger.LOSS).withMaps(maps);
    }
}
