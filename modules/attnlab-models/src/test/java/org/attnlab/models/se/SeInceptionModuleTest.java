package org.attnlab.models.se;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.attnlab.models.GraphTesting;
import org.attnlab.models.init.ParamInit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.BeforeAll;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

class SeInceptionModuleTest {
    @BeforeAll
    static void doublePrecision() {
        GraphTesting.useDoublePrecision();
    }

    private static final SeInceptionConfig CFG = new SeInceptionConfig(3, 2, 2, 3, 1, 2, 1, 4);

    @Test
    void branchesConcatenateOnChannelsAndKeepSpatialSize() {
        SameDiff sd = SameDiff.create();
        SDVariable x = sd.var("x", GraphTesting.random(1, 2, 3, 6, 5));
        SeInceptionModule.build(sd, "inc", x, CFG, new ParamInit(1));

        Map<String, INDArray> out = sd.output(Map.of(), "inc/out", "inc/concat", "inc/se/excitation");
        assertEquals(8, CFG.outChannels());
        assertArrayEquals(new long[] {2, 8, 6, 5}, out.get("inc/concat").shape());
        assertArrayEquals(new long[] {2, 8, 6, 5}, out.get("inc/out").shape());
        assertArrayEquals(new long[] {2, 8}, out.get("inc/se/excitation").shape());
        assertArrayEquals(new long[] {8, 2}, sd.getVariable("inc/se/w1").getArr().shape());
    }

    /** Zero weights and distinct biases make each branch a constant map: checks branch order after ReLU. */
    @Test
    void branchOrderIsOneThreeFivePool() {
        SameDiff sd = SameDiff.create();
        SDVariable x = sd.var("x", GraphTesting.random(2, 1, 3, 4, 4));
        SeInceptionModule.build(sd, "inc", x, CFG, new ParamInit(1));
        String[] lastConvs = {"inc/b1", "inc/b3", "inc/b5", "inc/pool_proj"};
        for (int i = 0; i < lastConvs.length; i++) {
            sd.getVariable(lastConvs[i] + "/w").getArr().assign(0);
            sd.getVariable(lastConvs[i] + "/b").getArr().assign(i + 1);
        }
        INDArray concat = sd.output(Map.of(), "inc/concat").get("inc/concat");
        double[] expected = {1, 1, 2, 2, 2, 3, 3, 4};
        for (int c = 0; c < expected.length; c++) {
            INDArray channel = concat.get(NDArrayIndex.point(0), NDArrayIndex.point(c));
            assertEquals(expected[c], channel.minNumber().doubleValue(), 0, "channel " + c);
            assertEquals(expected[c], channel.maxNumber().doubleValue(), 0, "channel " + c);
        }
    }

    /** Max pooling must ignore its zero padding (PyTorch pads with -inf): an all-negative input stays negative. */
    @Test
    void maxPoolPaddingNeverWins() {
        SameDiff sd = SameDiff.create();
        SDVariable x = sd.var("x", GraphTesting.random(2, 1, 3, 4, 4).subi(2));
        SeInceptionModule.build(sd, "inc", x, CFG, new ParamInit(1));
        INDArray pooled = sd.output(Map.of(), "inc/pool").get("inc/pool");
        assertArrayEquals(new long[] {1, 3, 4, 4}, pooled.shape());
        assertTrue(pooled.maxNumber().doubleValue() < -1, "padding leaked into max pool: " + pooled);
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        SameDiff sd = SameDiff.create();
        SDVariable out = SeInceptionModule.build(sd, "inc", sd.var("x", GraphTesting.random(3, 1, 2, 3, 3)),
                new SeInceptionConfig(2, 1, 1, 1, 1, 1, 1, 2), new ParamInit(9));
        // Zero biases behind a dead 1-channel ReLU put the next ReLU exactly at its kink; shift them off it.
        sd.variables().stream().filter(v -> v.name().endsWith("/b"))
                .forEach(v -> v.getArr().assign(Nd4j.rand(DataType.DOUBLE, v.getShape()).addi(0.1)));
        GraphTesting.assertGradientsCorrect(sd, out, 99);
    }

    @Test
    void wrongInputChannelsNameBothShapes() {
        SameDiff sd = SameDiff.create();
        SDVariable x = sd.placeHolder("x", DataType.DOUBLE, -1, 4, 8, 8);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SeInceptionModule.build(sd, "inc", x, CFG, new ParamInit(1)));
        assertTrue(e.getMessage().contains("expected [*, 3, *, *] but was [-1, 4, 8, 8]"), e.getMessage());
    }

    @Test
    void configRejectsRatioAboveConcatenatedChannels() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SeInceptionConfig(3, 1, 1, 1, 1, 1, 1, 5));
        assertEquals("ratio: must be in [1, 4], was 5", e.getMessage());
    }
}
