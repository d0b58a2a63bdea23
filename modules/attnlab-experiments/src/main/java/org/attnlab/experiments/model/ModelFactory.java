package org.attnlab.experiments.model;

import java.util.Map;

/**
 * Builds one kind of model from its config settings. A new model kind plugs in with one implementation listed in
 * {@code META-INF/services/org.attnlab.experiments.model.ModelFactory}; configs name it by {@link #kind()}.
 *
 * @param <S> the settings record bound from the {@code model} section (snake_case keys, minus {@code kind})
 */
public interface ModelFactory<S extends Record> {
    /** The name used as {@code model.kind} in configs. */
    String kind();

    /** The record the {@code model} section binds to; its constructor validates ranges. */
    Class<S> settingsType();

    /** Values for keys a config may leave out (snake_case). */
    Map<String, Object> defaults();

    /**
     * True for a kind that classifies images (raw batches: features {@code [B, 1, S, S]}, labels {@code [B, classes]});
     * false for sequence kinds. Configs must pair an image kind with an image dataset.
     */
    default boolean classifiesImages() {
        return false;
    }

    /** Builds a fresh, randomly initialised model for data of the given shape. */
    TrainableModel build(S settings, TaskShape shape, long seed);

    /** True when {@link #buildMembers} can train several seeds of a model with these settings in one graph. */
    default boolean trainsMembers(S settings) {
        return false;
    }

    /**
     * An ensemble of {@code seeds.length} members in one graph (see {@code org.attnlab.models.ensemble.MemberAxis}):
     * raw batches are the members' raw batches concatenated on the batch axis, member by member; the loss output is
     * the sum of the members' losses. Member {@code e} starts as {@code build(settings, shape, seeds[e])}.
     *
     * @throws UnsupportedOperationException for kinds or settings whose {@link #trainsMembers} is false
     */
    default TrainableModel buildMembers(S settings, TaskShape shape, long[] seeds) {
        throw new UnsupportedOperationException("model kind " + kind() + " has no ensemble axis");
    }
}
