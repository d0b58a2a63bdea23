package org.attnlab.experiments.kinds;

/** A model kind with its bound settings: everything needed to build the model for a run. */
public record ModelSpec<S extends Record>(ModelKind<S> kind, S settings) {
    /** Builds a fresh model. */
    public TrainableModel build(TaskShape shape, long seed) {
        return kind.build(settings, shape, seed);
    }

    /** True when several seeds of this model can train as one ensemble (see {@link ModelKind#trainsMembers}). */
    public boolean trainsMembers() {
        return kind.trainsMembers(settings);
    }

    /** Builds a fresh ensemble of {@code seeds.length} members (see {@link ModelKind#buildMembers}). */
    public TrainableModel buildMembers(TaskShape shape, long[] seeds) {
        return kind.buildMembers(settings, shape, seeds);
    }

    /** The layer of a trainable parameter (see {@link ModelKind#layerOf}), or null. */
    public String layerOf(String parameter) {
        return kind.layerOf(parameter);
    }

    /** True when runs of this model record their gradient norm per layer at initialisation. */
    public boolean namesLayers() {
        return kind.namesLayers();
    }
}
