package org.attnlab.models.se;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.attnlab.models.GraphTesting;
import org.attnlab.models.init.ParamInit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

class SeResNetBlockTest {
    @BeforeAll
    static void doublePrecision() {
        GraphTesting.useDoublePrecision();
    }

    @Test
    void identityShortcutKeepsShapeAndHasNoProjection() {
        SameDiff sd = SameDiff.create();
        SDVariable x = sd.var("x", GraphTesting.random(1, 2, 4, 5, 5));
        SeResNetBlock.build(sd, "res", x, new SeResNetConfig(4, 4, 1, 2), new ParamInit(1));

        Map<String, INDArray> out = sd.output(Map.of(), "res/out", "res/se/excitation");
        assertArrayEquals(new long[] {2, 4, 5, 5}, out.get("res/out").shape());
        assertArrayEquals(new long[] {2, 4}, out.get("res/se/excitation").shape());
        assertFalse(sd.hasVariable("res/proj/w"));
    }

    @Test
    void projectionShortcutChangesChannelsAndResolution() {
        SameDiff sd = SameDiff.create();
        SDVariable x = sd.var("x", GraphTesting.random(2, 2, 3, 5, 5));
        SeResNetBlock.build(sd, "res", x, new SeResNetConfig(3, 6, 2, 3), new ParamInit(1));

        Map<String, INDArray> out = sd.output(Map.of(), "res/out", "res/se/excitation");
        assertArrayEquals(new long[] {2, 6, 3, 3}, out.get("res/out").shape());
        assertArrayEquals(new long[] {2, 6}, out.get("res/se/excitation").shape());
        assertArrayEquals(new long[] {6, 3, 1, 1}, sd.getVariable("res/proj/w").getArr().shape());
    }

    @Test
    void withoutExcitationTheBlockHasNoSeVariablesOrExcitation() {
        SameDiff sd = SameDiff.create();
        SDVariable x = sd.var("x", GraphTesting.random(1, 2, 4, 5, 5));
        SeResNetBlock.build(sd, "res", x, new SeResNetConfig(4, 4, 1, 2, false), new ParamInit(1));

        assertArrayEquals(new long[] {2, 4, 5, 5}, sd.output(Map.of(), "res/out").get("res/out").shape());
        assertFalse(sd.hasVariable("res/se/w1"));
        assertFalse(sd.hasVariable("res/se/excitation"));
    }

    /** With the residual convolutions zeroed the residual branch is 0, so the block is relu(x). */
    @Test
    void zeroResidualBranchLeavesReluOfShortcut() {
        SameDiff sd = SameDiff.create();
        INDArray data = GraphTesting.random(3, 2, 4, 3, 3);
        SeResNetBlock.build(sd, "res", sd.var("x", data), new SeResNetConfig(4, 4, 1, 1), new ParamInit(1));
        for (String conv : new String[] {"res/conv1/w", "res/conv2/w"}) {
            sd.getVariable(conv).getArr().assign(0);
        }
        assertEquals(Transforms.relu(data, true), sd.output(Map.of(), "res/out").get("res/out"));
    }

    @ParameterizedTest(name = "in={0} out={1} stride={2} ratio={3}")
    @CsvSource({"2,3,2,1", "2,2,1,2"})
    void gradientsMatchFiniteDifferences(int in, int out, int stride, int ratio) {
        SameDiff sd = SameDiff.create();
        SDVariable y = SeResNetBlock.build(sd, "res", sd.var("x", GraphTesting.random(4, 2, in, 3, 3)),
                new SeResNetConfig(in, out, stride, ratio), new ParamInit(5));
        GraphTesting.assertGradientsCorrect(sd, y, 99);
    }

    @Test
    void wrongInputChannelsNameBothShapes() {
        SameDiff sd = SameDiff.create();
        SDVariable x = sd.placeHolder("x", DataType.DOUBLE, 1, 5, 4, 4);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SeResNetBlock.build(sd, "res", x, new SeResNetConfig(4, 4, 1, 2), new ParamInit(1)));
        assertTrue(e.getMessage().contains("expected [*, 4, *, *] but was [1, 5, 4, 4]"), e.getMessage());
    }

    @Test
    void configRejectsBadStride() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SeResNetConfig(4, 4, 3, 2));
        assertEquals("stride: must be in [1, 2], was 3", e.getMessage());
    }
}
