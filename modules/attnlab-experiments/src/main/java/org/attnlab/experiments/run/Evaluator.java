package org.attnlab.experiments.run;

import java.util.List;
import java.util.Map;
import org.attnlab.experiments.model.TrainableModel;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/** Loss, token accuracy and sequence accuracy of a model on batches (unlabelled positions masked out). */
final class Evaluator {
    /** Metrics of one evaluation. */
    record Scores(double loss, double tokenAccuracy, double sequenceAccuracy) {
        boolean finite() {
            return Double.isFinite(loss);
        }
    }

    private Evaluator() {
    }

    /** Scores {@code model} on {@code batches}. */
    static Scores evaluate(TrainableModel model, List<DataSet> batches) {
        double lossSum = 0;
        double correctTokens = 0;
        double labelledTokens = 0;
        double correctSequences = 0;
        long examples = 0;
        for (DataSet ds : batches) {
            Map<String, INDArray> out = model.sd().output(Map.of(model.features(), ds.getFeatures(),
                    model.labels(), ds.getLabels()), model.probs(), model.loss());
            long b = ds.getFeatures().size(0);
            lossSum += out.get(model.loss()).getDouble(0) * b;
            INDArray mask = ds.getLabelsMaskArray() != null ? ds.getLabelsMaskArray().castTo(DataType.DOUBLE)
                    : Nd4j.ones(DataType.DOUBLE, b, ds.getFeatures().size(1));
            INDArray correct = out.get(model.probs()).argMax(2).eq(ds.getLabels().argMax(2)).castTo(DataType.DOUBLE).muli(mask);
            correctTokens += correct.sumNumber().doubleValue();
            labelledTokens += mask.sumNumber().doubleValue();
            correctSequences += correct.sum(1).eq(mask.sum(1)).castTo(DataType.DOUBLE).sumNumber().doubleValue();
            examples += b;
        }
        return new Scores(lossSum / examples, correctTokens / labelledTokens, correctSequences / examples);
    }

    /** Loss on one batch (the training loss SameDiff's listeners do not report). */
    static double loss(TrainableModel model, DataSet ds) {
        return evaluate(model, List.of(ds)).loss();
    }
}
