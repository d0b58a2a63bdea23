package org.attnlab.experiments.kinds;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.MultiDataSet;

/**
 * A SameDiff graph with what a run needs to feed and read it.
 *
 * <p>Data arrive as a "raw" {@link MultiDataSet}: features {@code [source [B, Ts]]} or {@code [source, decoderInput
 * [B, Tt]]} (token ids as floats), labels {@code [one-hot [B, Tt, V]]}, feature masks and a label mask {@code [B, Tt]}.
 * {@link #adapter} turns a raw batch into the model's batch, whose feature arrays feed the placeholders {@link #inputs}
 * and whose label arrays feed {@link #targets}, in order (SameDiff's training-config mappings). {@link #probs} is
 * {@code [B, Tt, >= V]} and {@link #loss} the scalar loss. Image kinds get features {@code [images [B, 1, S, S]]}
 * and labels {@code [one-hot [B, classes]]}, and their {@link #probs} is {@code [B, classes]}.
 *
 * @param maps    attention maps to plot after training (may be empty)
 * @param decoder greedy decoding for BLEU, or null
 * @param figures matrices fixed by the settings and the data's shape (e.g. a sinusoidal position table), plotted
 *                once per report however many runs share them (may be empty)
 */
public record TrainableModel(SameDiff sd, List<String> inputs, List<String> targets, UnaryOperator<MultiDataSet> adapter,
                             String probs, String loss, List<AttentionMap> maps, SequenceDecoder decoder,
                             List<Figure> figures) {

    /** A model without fixed figures. */
    public TrainableModel(SameDiff sd, List<String> inputs, List<String> targets, UnaryOperator<MultiDataSet> adapter,
                          String probs, String loss, List<AttentionMap> maps, SequenceDecoder decoder) {
        this(sd, inputs, targets, adapter, probs, loss, maps, decoder, List.of());
    }

    /**
     * A matrix known when the model is built, {@code values[row][col]}.
     *
     * @param name  file stem naming what fixes the matrix (two runs whose figures have the same name show the same
     *              matrix), e.g. {@code positional-d32-len14}
     * @param title caption
     */
    public record Figure(String name, String title, double[][] values) {
    }

    /**
     * An attention output {@code [B, H, Tq, Tk]} or {@code [B, Tq, Tk]} (rows are target tokens or source tokens), or a
     * per-example vector output {@code [B, C]} such as an SE excitation (rows are test examples, columns channels).
     * With {@code colsAreUnits} a {@code [B, T, units]} output (e.g. LSTM gates): rows are source tokens, columns units.
     */
    public record AttentionMap(String output, String title, boolean rowsAreTarget, boolean colsAreUnits) {
        public AttentionMap(String output, String title, boolean rowsAreTarget) {
            this(output, title, rowsAreTarget, false);
        }

        /** A {@code [B, T, units]} map: source tokens x units. */
        public static AttentionMap units(String output, String title) {
            return new AttentionMap(output, title, false, true);
        }
    }

    /** Greedy decoding of a raw batch: {@code [B, length]} token ids. */
    @FunctionalInterface
    public interface SequenceDecoder {
        INDArray decode(SameDiff sd, MultiDataSet raw, int length);
    }

    /** A one-input, one-label model fed the raw batch as it is (the tagger). */
    public static TrainableModel simple(SameDiff sd, String features, String labels, String probs, String loss) {
        return new TrainableModel(sd, List.of(features), List.of(labels), UnaryOperator.identity(), probs, loss,
                List.of(), null);
    }

    /** The placeholder values of a raw batch. */
    public Map<String, INDArray> placeholders(MultiDataSet raw) {
        return feeds(adapter.apply(raw));
    }

    /** The placeholder values of a batch the {@link #adapter} has already adapted. */
    public Map<String, INDArray> feeds(MultiDataSet m) {
        Map<String, INDArray> out = new HashMap<>();
        for (int i = 0; i < inputs.size(); i++) {
            out.put(inputs.get(i), m.getFeatures(i));
        }
        for (int i = 0; i < targets.size(); i++) {
            out.put(targets.get(i), m.getLabels(i));
        }
        return out;
    }

    /** Number of trainable parameters. */
    public long parameterCount() {
        return parameterCount(sd);
    }

    /** Number of trainable parameters of any graph: the summed lengths of its variables. */
    public static long parameterCount(SameDiff sd) {
        return sd.variables().stream().filter(v -> v.getVariableType() == VariableType.VARIABLE)
                .mapToLong(v -> v.getArr().length()).sum();
    }

    /** The same names around another graph (e.g. one loaded from a checkpoint). */
    public TrainableModel withGraph(SameDiff other) {
        return new TrainableModel(other, inputs, targets, adapter, probs, loss, maps, decoder, figures);
    }

    /** The same model with these maps to plot. */
    public TrainableModel withMaps(List<AttentionMap> otherMaps) {
        return new TrainableModel(sd, inputs, targets, adapter, probs, loss, List.copyOf(otherMaps), decoder, figures);
    }

    /** The same model with another loss output. */
    public TrainableModel withLoss(String otherLoss) {
        return new TrainableModel(sd, inputs, targets, adapter, probs, otherLoss, maps, decoder, figures);
    }
}
