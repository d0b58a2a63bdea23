package org.attnlab.experiments.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.attnlab.experiments.kinds.RawBatches;
import org.attnlab.experiments.kinds.TrainableModel;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Loss, token accuracy and sequence accuracy of a model on raw batches (unlabelled positions masked out); BLEU. For
 * class labels {@code [B, classes]} (images) the token accuracy is the classification accuracy and the sequence
 * accuracy NaN (not measured).
 */
final class Evaluator {
    /** Metrics of one evaluation. */
    record Scores(double loss, double tokenAccuracy, double sequenceAccuracy) {
    }

    private Evaluator() {
    }

    /** Scores {@code model} on {@code batches}. */
    static Scores evaluate(TrainableModel model, List<MultiDataSet> batches) {
        double lossSum = 0;
        double correctTokens = 0;
        double labelledTokens = 0;
        double correctSequences = 0;
        long examples = 0;
        for (MultiDataSet ds : batches) {
            Map<String, INDArray> out = model.sd().output(model.placeholders(ds), model.probs(), model.loss());
            long b = ds.getFeatures(0).size(0);
            lossSum += out.get(model.loss()).getDouble(0) * b;
            examples += b;
            if (ds.getLabels(0).rank() == 2) {
                correctTokens += out.get(model.probs()).argMax(1).eq(ds.getLabels(0).argMax(1))
                        .castTo(DataType.DOUBLE).sumNumber().doubleValue();
                labelledTokens += b;
                correctSequences = Double.NaN;
                continue;
            }
            INDArray mask = RawBatches.labelMask(ds).castTo(DataType.DOUBLE);
            INDArray correct = out.get(model.probs()).argMax(2).eq(ds.getLabels(0).argMax(2)).castTo(DataType.DOUBLE)
                    .muli(mask);
            correctTokens += correct.sumNumber().doubleValue();
            labelledTokens += mask.sumNumber().doubleValue();
            correctSequences += correct.sum(1).eq(mask.sum(1)).castTo(DataType.DOUBLE).sumNumber().doubleValue();
        }
        return new Scores(lossSum / examples, correctTokens / labelledTokens, correctSequences / examples);
    }

    /** Loss on one batch (the training loss SameDiff's listeners do not report). */
    static double loss(TrainableModel model, MultiDataSet ds) {
        return evaluate(model, List.of(ds)).loss();
    }

    /**
     * Corpus BLEU-4 of greedy decodes against the references of {@code batches}; decoding stops at {@code eos}
     * (references end there too), padding is dropped.
     */
    static double bleu(TrainableModel model, List<MultiDataSet> batches, int eos) {
        List<int[]> hyps = new ArrayList<>();
        List<int[]> refs = new ArrayList<>();
        for (MultiDataSet ds : batches) {
            INDArray ref = RawBatches.targetIds(ds);
            INDArray hyp = model.decoder().decode(model.sd(), ds, (int) ref.size(1));
            for (int i = 0; i < ref.size(0); i++) {
                refs.add(tokens(ref.get(NDArrayIndex.point(i), NDArrayIndex.all()), eos));
                hyps.add(tokens(hyp.get(NDArrayIndex.point(i), NDArrayIndex.all()), eos));
            }
        }
        return Bleu.corpus(hyps, refs);
    }

    /** Ids up to (not including) {@code eos} or padding (0). */
    static int[] tokens(INDArray row, int eos) {
        int[] ids = row.toIntVector();
        int n = 0;
        while (n < ids.length && ids[n] != eos && ids[n] != 0) {
            n++;
        }
        return java.util.Arrays.copyOf(ids, n);
    }
}
