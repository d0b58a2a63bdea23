package org.attnlab.datasets.synthetic;

import org.attnlab.datasets.iter.BatchOptions;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.TrainingConfig;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The synthetic iterator feeds SameDiff's own training loop: an embedding + softmax model learns COPY. */
class SameDiffTrainingTest {

    @Test
    void sameDiffFitsOnTheCopyIterator() {
        int t = 8;
        int v = 10;
        int d = 16;
        Nd4j.getRandom().setSeed(1);
        SameDiff sd = SameDiff.create();
        SDVariable in = sd.placeHolder("in", DataType.FLOAT, -1, t);
        SDVariable label = sd.placeHolder("label", DataType.FLOAT, -1, t, v);
        SDVariable emb = sd.var("emb", Nd4j.randn(DataType.FLOAT, v, d).muli(0.1));
        SDVariable w = sd.var("w", Nd4j.randn(DataType.FLOAT, d, v).muli(0.1));
        // Embedding as one-hot x matrix: sd.gather(emb, castTo(in, INT), 0) fails inside sd.fit in M2.1
        // ("One of Input arguments was closed before call"), with or without this iterator.
        SDVariable x = sd.mmul(sd.oneHot(sd.castTo(in, DataType.INT), v).reshape(-1, v), emb);
        SDVariable logits = sd.mmul(x, w).reshape(-1, t, v);
        sd.nn.softmax("probs", logits, 2);
        sd.loss.softmaxCrossEntropy("loss", label, logits, null);
        sd.setLossVariables("loss");
        sd.setTrainingConfig(TrainingConfig.builder().updater(new Adam(0.1))
                .dataSetFeatureMapping("in").dataSetLabelMapping("label").build());

        DataSetIterator train = SyntheticTask.COPY.iterator(256, t, v, 11, BatchOptions.of(32, 5));
        sd.fit(train, 6);

        DataSet test = SyntheticTask.COPY.iterator(64, t, v, 99, BatchOptions.of(64, 0)).next();
        INDArray probs = sd.output(Map.of("in", test.getFeatures()), "probs").get("probs");
        INDArray predicted = probs.argMax(2).castTo(DataType.FLOAT);
        INDArray expected = test.getFeatures();
        double accuracy = predicted.eq(expected).castTo(DataType.FLOAT).meanNumber().doubleValue();
        assertTrue(accuracy > 0.95, "copy accuracy " + accuracy);
    }
}
