package org.attnlab.experiments.model;

/** A model kind with its bound settings: everything needed to build the model for a run. */
public record ModelSpec<S extends Record>(ModelFactory<S> factory, S settings) {
    /** Builds a fresh model. */
    public TrainableModel build(TaskShape shape, long seed) {
        return factory.build(settings, shape, seed);
    }

    /** True when several seeds of this model can train as one ensemble (see {@link ModelFactory#trainsMembers}). */
    public boolean trainsMembers() {
        return factory.trainsMembers(settings);
    }

    /** Builds a fresh ensemble of {@code seeds.length} members (see {@link ModelFactory#buildMembers}). */
    public TrainableModel buildMembers(TaskShape shape, long[] seeds) {
        return factory.buildMembers(settings, shape, seeds);
    }
}
