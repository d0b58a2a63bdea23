package org.attnlab.models.transformer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.TrainingConfig;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.config.Adam;

/** A 2-layer Transformer learns to copy random sequences, trained through a TrainingConfig and sd.fit. */
class CopyTaskTest {
    private static final int VOCAB = 10;
    private static final int PAD = 0;
    private static final int START = 1;
    private static final int LEN = 6;
    private static final int BATCH = 32;
    private static final int MAX_STEPS = 600;
    private static final int EVAL_EVERY = 25;

    @Test
    void twoLayerModelCopiesAndGreedyDecodingReproducesTheCopy() throws Exception {
        Nd4j.setDefaultDataTypes(DataType.FLOAT, DataType.FLOAT);
        TransformerConfig cfg = TransformerConfig.small(VOCAB, LEN, 2, 16, 2, 32);
        SameDiff sd = Transformer.build(cfg, 1);
        sd.setTrainingConfig(TrainingConfig.builder()
                .updater(new Adam(1e-2))
                .dataSetFeatureMapping(Transformer.SRC, Transformer.TGT_IN)
                .dataSetLabelMapping(Transformer.LABELS)
                .build());
        MultiDataSet test = batch(200, new SplittableRandom(99));
        SplittableRandom rnd = new SplittableRandom(7);
        long start = System.nanoTime();
        double accuracy = 0;
        int step = 0;
        while (step < MAX_STEPS && accuracy < 0.995) {
            sd.fit(batch(BATCH, rnd));
            step++;
            if (step % EVAL_EVERY == 0) {
                accuracy = teacherForcedAccuracy(sd, test);
            }
        }
        System.out.printf("copy task: %d steps, token accuracy %.4f, %.1f s%n", step, accuracy,
                (System.nanoTime() - start) / 1e9);
        assertTrue(accuracy >= 0.99, "token accuracy " + accuracy + " after " + step + " steps");

        INDArray src = test.getFeatures(0).get(NDArrayIndex.interval(0, 50), NDArrayIndex.all());
        INDArray decoded = GreedyDecoder.decode(sd, cfg, src, LEN, START);
        double greedy = decoded.eq(src).castTo(DataType.DOUBLE).meanNumber().doubleValue();
        System.out.printf("greedy decoding: token accuracy %.4f%n", greedy);
        assertTrue(greedy >= 0.99, "greedy token accuracy " + greedy);

        INDArray cross = sd.output(Map.of(Transformer.SRC, test.getFeatures(0), Transformer.TGT_IN,
                test.getFeatures(1)), Transformer.decoderCrossWeights(1)).get(Transformer.decoderCrossWeights(1));
        INDArray rowSums = cross.get(NDArrayIndex.point(0), NDArrayIndex.point(0)).sum(1);       // [Tt]
        assertEquals(0, rowSums.sub(1.0).amaxNumber().doubleValue(), 1e-4, "cross weights of a query sum to 1");
    }

    @Test
    void batchesShiftTheTargetBehindTheStartToken() {
        MultiDataSet b = batch(3, new SplittableRandom(1));
        INDArray src = b.getFeatures(0);
        assertArrayEquals(new long[]{3, LEN}, src.shape());
        assertEquals(src, b.getLabels(0));
        assertEquals(START, b.getFeatures(1).getDouble(0, 0));
        assertEquals(src.getDouble(0, 0), b.getFeatures(1).getDouble(0, 1));
    }

    /** Random sequences over the symbols {@code [2, VOCAB)}: features (src, start + src[:-1]), label src. */
    private static MultiDataSet batch(int n, SplittableRandom rnd) {
        double[][] src = new double[n][LEN];
        double[][] tgtIn = new double[n][LEN];
        for (int i = 0; i < n; i++) {
            tgtIn[i][0] = START;
            for (int t = 0; t < LEN; t++) {
                src[i][t] = 2 + rnd.nextInt(VOCAB - 2);
                if (t + 1 < LEN) {
                    tgtIn[i][t + 1] = src[i][t];
                }
            }
        }
        INDArray s = Nd4j.create(src).castTo(DataType.FLOAT);
        return new MultiDataSet(new INDArray[]{s, Nd4j.create(tgtIn).castTo(DataType.FLOAT)}, new INDArray[]{s.dup()});
    }

    private static double teacherForcedAccuracy(SameDiff sd, MultiDataSet test) {
        INDArray probs = sd.output(Map.of(Transformer.SRC, test.getFeatures(0), Transformer.TGT_IN,
                test.getFeatures(1)), Transformer.PROBS).get(Transformer.PROBS);
        INDArray predicted = probs.argMax(2).castTo(DataType.FLOAT);
        return predicted.eq(test.getLabels(0)).castTo(DataType.DOUBLE).meanNumber().doubleValue();
    }
}
