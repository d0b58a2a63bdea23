package org.attnlab.models.alignment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.SplittableRandom;
import org.attnlab.models.GraphTesting;
import org.attnlab.models.attention.AttentionConfig;
import org.attnlab.models.attention.ScoreFunction;
import org.attnlab.models.init.ParamInit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.TrainingConfig;
import org.nd4j.autodiff.validation.GradCheckUtil;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.config.Adam;

class AttentionSeq2SeqTest {
    private static final int LENGTH = 5;
    private static final int TOKENS = 7;           // source ids 1..7, 0 is padding
    private static final int BOS = TOKENS + 1;     // target vocabulary: 0 pad, 1..7, BOS

    /** Reversal batches: source ids, the reversed target, decoder input = BOS + target shifted right. */
    private static MultiDataSet reverseBatch(int size, SplittableRandom rnd) {
        float[][] src = new float[size][LENGTH];
        float[][] decIn = new float[size][LENGTH];
        float[][][] labels = new float[size][LENGTH][BOS + 1];
        for (int b = 0; b < size; b++) {
            for (int t = 0; t < LENGTH; t++) {
                src[b][t] = 1 + rnd.nextInt(TOKENS);
            }
            decIn[b][0] = BOS;
            for (int t = 0; t < LENGTH; t++) {
                int target = (int) src[b][LENGTH - 1 - t];
                labels[b][t][target] = 1f;
                if (t + 1 < LENGTH) {
                    decIn[b][t + 1] = target;
                }
            }
        }
        INDArray ones = Nd4j.ones(size, LENGTH);
        return new MultiDataSet(new INDArray[]{Nd4j.create(src), ones, Nd4j.create(decIn)},
                new INDArray[]{Nd4j.create(labels), ones.dup()});
    }

    private static INDArray oneHot(int[][] ids, int vocab) {
        double[][][] out = new double[ids.length][ids[0].length][vocab];
        for (int b = 0; b < ids.length; b++) {
            for (int t = 0; t < ids[b].length; t++) {
                out[b][t][ids[b][t]] = 1;
            }
        }
        return Nd4j.create(out);
    }

    private static SameDiff train(ScoreFunction score) {
        SameDiff sd = AttentionSeq2Seq.build(new Seq2SeqConfig(TOKENS + 1, BOS + 1, 16, 32,
                new AttentionConfig(score, 32, false, AttentionConfig.NO_WINDOW)), 5);
        sd.setTrainingConfig(TrainingConfig.builder().updater(new Adam(1e-2))
                .dataSetFeatureMapping(AttentionSeq2Seq.SOURCE, AttentionSeq2Seq.SOURCE_MASK,
                        AttentionSeq2Seq.DECODER_INPUT)
                .dataSetLabelMapping(AttentionSeq2Seq.LABELS, AttentionSeq2Seq.LABEL_MASK)
                .build());
        SplittableRandom rnd = new SplittableRandom(1);
        for (int step = 0; step < 250; step++) {
            sd.fit(reverseBatch(32, rnd));
        }
        return sd;
    }

    /**
     * Learning to reverse, greedy decoding reverses and the alignment becomes the anti-diagonal.
     */
    @ParameterizedTest
    @EnumSource(value = ScoreFunction.class, names = {"ADDITIVE", "DOT", "GENERAL"})
    void learnsReversalWithAntiDiagonalAlignment(ScoreFunction score) {
        SameDiff sd = train(score);
        MultiDataSet test = reverseBatch(200, new SplittableRandom(99));
        INDArray source = test.getFeatures(0);
        GreedyDecoder.Decoded decoded = GreedyDecoder.decode(sd, source, test.getFeatures(1), LENGTH, BOS);
        INDArray expected = test.getLabels(0).argMax(2).castTo(source.dataType());
        double tokenAccuracy = decoded.tokens().eq(expected).castTo(source.dataType()).meanNumber().doubleValue();
        assertTrue(tokenAccuracy >= 0.95, score + ": greedy token accuracy " + tokenAccuracy);

        INDArray aligned = decoded.alignment().argMax(2);                               // [B, Tt]: source position
        INDArray antiDiagonal = Nd4j.createFromArray(4L, 3L, 2L, 1L, 0L).reshape(1, LENGTH).repeat(0, 200);
        double onAntiDiagonal = aligned.eq(antiDiagonal.castTo(aligned.dataType()))
                .castTo(source.dataType()).meanNumber().doubleValue();
        assertTrue(onAntiDiagonal >= 0.9, score + ": share of steps aligned to the mirrored source position "
                + onAntiDiagonal);
    }

    @Test
    void alignmentRowsSumToOneOverRealSourceTokensOnly() {
        SameDiff sd = AttentionSeq2Seq.build(new Seq2SeqConfig(8, 9, 4, 6, AttentionConfig.of(ScoreFunction.GENERAL)), 1);
        MultiDataSet batch = reverseBatch(2, new SplittableRandom(3));
        INDArray mask = Nd4j.create(new float[][]{{1, 1, 1, 1, 1}, {1, 1, 1, 0, 0}});
        INDArray alignment = sd.output(Map.of(AttentionSeq2Seq.SOURCE, batch.getFeatures(0),
                AttentionSeq2Seq.SOURCE_MASK, mask, AttentionSeq2Seq.DECODER_INPUT, batch.getFeatures(2)),
                AttentionSeq2Seq.ALIGNMENT).get(AttentionSeq2Seq.ALIGNMENT);
        assertArrayEquals(new long[]{2, LENGTH, LENGTH}, alignment.shape());
        assertTrue(alignment.sum(2).equalsWithEps(Nd4j.ones(2, LENGTH), 1e-5));
        assertTrue(alignment.get(NDArrayIndex.point(1), NDArrayIndex.all(),
                NDArrayIndex.interval(3, 5)).equalsWithEps(Nd4j.zeros(LENGTH, 2), 0));
    }

    /** Gradient check in double of the whole model (LSTMs, attention, output layer) with a padded source. */
    @Test
    void gradientsAreCorrect() {
        GraphTesting.useDoublePrecision();
        try {
            SameDiff sd = SameDiff.create();
            AttentionSeq2Seq.Inputs inputs = new AttentionSeq2Seq.Inputs(
                    sd.constant(Nd4j.create(new double[][]{{1, 2, 3}, {3, 1, 0}})),
                    sd.constant(Nd4j.create(new double[][]{{1, 1, 1}, {1, 1, 0}})),
                    sd.constant(Nd4j.create(new double[][]{{4, 3, 2}, {4, 1, 3}})),
                    sd.constant(oneHot(new int[][]{{3, 2, 1}, {1, 3, 2}}, 5)),
                    sd.constant(Nd4j.create(new double[][]{{1, 1, 1}, {1, 1, 0}})));
            AttentionSeq2Seq.build(sd, inputs, new Seq2SeqConfig(4, 5, 2, 2,
                    new AttentionConfig(ScoreFunction.ADDITIVE, 2, false, AttentionConfig.NO_WINDOW)), new ParamInit(2));
            assertTrue(GradCheckUtil.checkGradients(sd, Map.of(), 1e-6, 1e-5, 1e-9, false, false));
        } finally {
            Nd4j.setDefaultDataTypes(DataType.FLOAT, DataType.FLOAT);
        }
    }

    @Test
    void positionalMasksAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new Seq2SeqConfig(8, 9, 4, 6,
                AttentionConfig.of(ScoreFunction.DOT).withCausal(true)));
    }
}
