package org.attnlab.bench.cases;

import java.util.Map;
import java.util.Random;
import java.util.function.UnaryOperator;
import org.attnlab.bench.measure.SeededArrays;
import org.attnlab.experiments.kinds.TrainableModel;
import org.attnlab.experiments.run.FitSession;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.TrainingConfig;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.learning.config.Adam;

/**
 * The training step of a layer on its own: input {@code x [B, T, d]}, loss {@code sum(layer(x) * w)} with a fixed
 * random weighting {@code w [B, T, d]} (a plain sum behind a post-LN layer would give near-zero gradients), Adam with
 * learning rate {@value #LEARNING_RATE}, one step of a kept {@link FitSession} per step as a training run takes it.
 * Inputs come from a seeded {@link Random}.
 */
final class WeightedSumStep {
    /** Adam's learning rate (the PyTorch twin uses the same). */
    static final double LEARNING_RATE = 1e-3;
    private static final long DATA_SEED = 12345;

    private WeightedSumStep() {
    }

    /**
     * Builds the graph of {@code layer} on {@code x [B, T, d]} and the step that trains it.
     *
     * @param layer builds the layer's output {@code [B, T, d]} from {@code x}
     * @param flops FLOPs of one step
     * @param spec  sizes for the record
     */
    static Workload of(Shapes s, UnaryOperator<SDVariable> layer, double flops, Map<String, String> spec) {
        SameDiff sd = SameDiff.create();
        SDVariable x = sd.placeHolder("x", DataType.FLOAT, -1, -1, s.dModel());
        SDVariable w = sd.placeHolder("w", DataType.FLOAT, -1, -1, s.dModel());
        sd.sum("loss", layer.apply(x).mul(w));
        sd.setLossVariables("loss");
        sd.setTrainingConfig(TrainingConfig.builder().updater(new Adam(LEARNING_RATE))
                .dataSetFeatureMapping("x").dataSetLabelMapping("w").build());
        Random rnd = new Random(DATA_SEED);
        MultiDataSet batch = new MultiDataSet(SeededArrays.gaussian(rnd, s.batch(), s.time(), s.dModel()),
                SeededArrays.gaussian(rnd, s.batch(), s.time(), s.dModel()));
        FitSession session = new FitSession(sd);
        return new Workload(() -> session.fit(batch), flops, s.tokens(), TrainableModel.parameterCount(sd), spec,
                session);
    }
}
