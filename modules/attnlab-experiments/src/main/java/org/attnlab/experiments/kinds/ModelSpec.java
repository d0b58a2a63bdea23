package org.attnlab.experiments.kinds;

/** A model kind with its bound settings: everything needed to build the model for a run. */
public record ModelSpec<S extends Record>(ModelKind<S> kind, S settings) {
    /** Builds a fresh model. */
    public TrainableModel build(TaskShape shape, long seed) {
        return kind.build(settings, shape, seed);
    }
}
