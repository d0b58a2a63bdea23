package org.attnlab.experiments.kinds;

import java.util.List;
import java.util.Map;

/**
 * One model kind: everything the experiments module knows of it, in one registration. A new kind plugs in with one
 * implementation listed in {@code META-INF/services/org.attnlab.experiments.kinds.ModelKind}; configs name it by
 * {@link #name()}.
 *
 * @param <S> the record the {@code model} section binds to (snake_case keys, minus {@code kind}); it validates itself
 *            with {@link org.attnlab.models.support.ConfigChecks} and holds enums for choices such as {@code score}
 */
public interface ModelKind<S extends Record> {
    /** The name used as {@code model.kind} in configs. */
    String name();

    /** The record the {@code model} section binds to. */
    Class<S> settingsType();

    /** Values for keys a config may leave out (snake_case). */
    Map<String, Object> defaults();

    /** The data the kind reads (which datasets it pairs with) and so the metrics its runs record. */
    DataKind data();

    /** Builds a fresh, randomly initialised model for data of the given shape, with the maps and figures it plots. */
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
        throw new UnsupportedOperationException("model kind " + name() + " has no ensemble axis");
    }

    /**
     * The layer a trainable parameter belongs to, for the gradient norm per layer at initialisation that runs of this
     * kind record (see {@code run.InitGradients}); null for a parameter outside every named layer. Kinds that name no
     * layers (the default) record nothing.
     */
    default String layerOf(String parameter) {
        return null;
    }

    /** True when {@link #layerOf} names layers: runs of this kind record their gradient norms at initialisation. */
    default boolean namesLayers() {
        return false;
    }

    /** The columns of {@code metrics.csv} and of the console lines of this kind's runs. */
    default List<String> metrics() {
        return data().metrics();
    }
}
