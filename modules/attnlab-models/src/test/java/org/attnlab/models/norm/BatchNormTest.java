package org.attnlab.models.norm;

import static org.attnlab.models.GraphTesting.assertGradientsCorrect;
import static org.attnlab.models.GraphTesting.random;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.attnlab.models.GraphTesting;
import org.attnlab.models.init.ParamInit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** Batch norm: batch statistics in training steps, running estimates otherwise; gradients in double. */
class BatchNormTest {
    @BeforeAll
    static void doublePrecision() {
        GraphTesting.useDoublePrecision();
    }

    private static void useBatchStatistics(SameDiff sd, String site) {
        sd.getVariable(site + BatchNorm.BATCH_STATS).setArray(Nd4j.scalar(DataType.DOUBLE, 1.0));
    }

    /** Worked by hand: one channel with values 1, 2, 3, 6 (mean 3, biased variance 3.5), gamma 2, beta 1. */
    @Test
    void batchStatisticsNormalisePerChannel() {
        SameDiff sd = SameDiff.create();
        SDVariable x = sd.var("x", Nd4j.create(new double[]{1, 2, 3, 6}, 2, 1, 1, 2));
        BatchNorm.build(sd, "bn", x, 1, new ParamInit(1, DataType.DOUBLE));
        sd.getVariable("bn/gamma").setArray(Nd4j.create(new double[]{2}));
        sd.getVariable("bn/beta").setArray(Nd4j.create(new double[]{1}));
        double s = 2 / Math.sqrt(3.5 + BatchNorm.EPS);
        double r = 2 / Math.sqrt(1 + BatchNorm.EPS);
        assertArrayEquals(new double[]{1 + r, 1 + 2 * r, 1 + 3 * r, 1 + 6 * r},
                GraphTesting.eval(sd, "bn/out").ravel().toDoubleVector(), 1e-12,
                "between steps: running mean 0, variance 1");
        useBatchStatistics(sd, "bn");
        assertArrayEquals(new double[]{1 - 2 * s, 1 - s, 1, 1 + 3 * s},
                GraphTesting.eval(sd, "bn/out").ravel().toDoubleVector(), 1e-12, "batch mean 3, variance 3.5");
    }

    /** Gradient check in double of gamma, beta and the input, on batch statistics and on running ones. */
    @Test
    void gradientsAreCorrectInBothModes() {
        for (boolean batch : new boolean[]{true, false}) {
            SameDiff sd = SameDiff.create();
            SDVariable out = BatchNorm.build(sd, "bn", sd.var("x", random(1, 3, 2, 2, 3)), 2,
                    new ParamInit(1, DataType.DOUBLE));
            sd.getVariable("bn/gamma").setArray(random(2, 2).add(1.5));
            sd.getVariable("bn/beta").setArray(random(3, 2));
            sd.getVariable("bn" + BatchNorm.RUNNING_MEAN).setArray(random(4, 2));
            sd.getVariable("bn" + BatchNorm.RUNNING_VAR).setArray(random(5, 2).add(2));
            if (batch) {
                useBatchStatistics(sd, "bn");
            }
            assertGradientsCorrect(sd, out, 6);
        }
    }

    /** Outside {@link BatchNormStats#during} a batch's output does not depend on the other examples in it. */
    @Test
    void evaluationIsIndependentOfTheBatch() {
        SameDiff sd = SameDiff.create();
        SDVariable x = sd.placeHolder("x", DataType.DOUBLE, -1, 2, 3, 3);
        BatchNorm.build(sd, "bn", x, 2, new ParamInit(1, DataType.DOUBLE));
        INDArray batch = random(7, 4, 2, 3, 3);
        BatchNormStats stats = BatchNormStats.of(sd);
        stats.during(() -> Map.of("x", batch), () -> { });
        INDArray all = sd.output(Map.of("x", batch), "bn/out").get("bn/out");
        INDArray first = sd.output(Map.of("x", batch.get(NDArrayIndex.interval(0, 1))),
                "bn/out").get("bn/out");
        assertEquals(0.0, all.get(NDArrayIndex.interval(0, 1)).sub(first).amaxNumber()
                .doubleValue(), 1e-14);
        assertTrue(BatchNormStats.of(SameDiff.create()).isEmpty());
    }
}
