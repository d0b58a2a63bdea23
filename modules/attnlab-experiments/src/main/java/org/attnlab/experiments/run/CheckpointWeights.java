package org.attnlab.experiments.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.graph.FlatArray;
import org.nd4j.graph.FlatGraph;
import org.nd4j.graph.FlatVariable;
import org.nd4j.graph.VarType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.layers.recurrent.LSTMLayer;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Reads a checkpoint file ({@code SameDiff.save}) back for testing. SameDiff 1.0.0-M2.1 cannot rebuild an
 * {@code lstmLayer} op from a file ({@code SameDiff.load} throws a NullPointerException in
 * {@code LSTMLayer.configureWithSameDiff}), so for graphs with such ops the file's weights (its variable and constant
 * arrays) are read from the flat buffer directly and assigned to the same-named arrays of the model's own graph.
 */
final class CheckpointWeights {
    private CheckpointWeights() {
    }

    /** The graph saved in {@code file}; for a graph with LSTM layer ops, {@code model} itself holding the file's weights. */
    static SameDiff load(Path file, SameDiff model) {
        if (loadable(model)) {
            return SameDiff.load(file.toFile(), true);
        }
        restore(file, model);
        return model;
    }

    /** True when {@code SameDiff.load} can read {@code model} back from a file: it has no LSTM layer op. */
    static boolean loadable(SameDiff model) {
        return model.getOps().values().stream().noneMatch(o -> o.getOp() instanceof LSTMLayer);
    }

    /** Assigns every variable and constant array saved in {@code file} to the same-named array of {@code into}. */
    static void restore(Path file, SameDiff into) {
        FlatGraph graph;
        try {
            graph = FlatGraph.getRootAsFlatGraph(ByteBuffer.wrap(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (int i = 0; i < graph.variablesLength(); i++) {
            FlatVariable v = graph.variables(i);
            FlatArray saved = v.ndarray();
            if (saved == null || (v.variabletype() != VarType.VARIABLE && v.variabletype() != VarType.CONSTANT)) {
                continue;
            }
            INDArray value = Nd4j.createFromFlatArray(saved);
            INDArray target = into.hasVariable(v.name()) ? into.getVariable(v.name()).getArr() : null;
            if (target == null || !Arrays.equals(target.shape(), value.shape())) {
                throw new IllegalStateException(file.getFileName() + ": array " + v.name() + " "
                        + Arrays.toString(value.shape()) + " does not fit the model (" + (target == null ? "absent"
                        : Arrays.toString(target.shape())) + ")");
            }
            target.assign(value);
        }
    }
}
