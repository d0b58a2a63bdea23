package org.attnlab.experiments.model;

import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;

/**
 * A SameDiff graph with the names a run needs: features {@code [B, T]}, one-hot labels {@code [B, T, V]},
 * per-token probabilities {@code [B, T, V]} and the scalar loss.
 */
public record TrainableModel(SameDiff sd, String features, String labels, String probs, String loss) {
    /** Number of trainable parameters. */
    public long parameterCount() {
        return sd.variables().stream().filter(v -> v.getVariableType() == VariableType.VARIABLE)
                .mapToLong(v -> v.getArr().length()).sum();
    }

    /** The same names around another graph (e.g. one loaded from a checkpoint). */
    public TrainableModel withGraph(SameDiff other) {
        return new TrainableModel(other, features, labels, probs, loss);
    }
}
