package org.attnlab.models.gating;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.attnlab.models.GraphTesting;
import org.attnlab.models.init.ParamInit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.layers.recurrent.config.LSTMActivations;
import org.nd4j.linalg.api.ops.impl.layers.recurrent.config.LSTMDataFormat;
import org.nd4j.linalg.api.ops.impl.layers.recurrent.config.LSTMDirectionMode;
import org.nd4j.linalg.api.ops.impl.layers.recurrent.config.LSTMLayerConfig;
import org.nd4j.linalg.api.ops.impl.layers.recurrent.weights.LSTMLayerWeights;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

class GatedLstmTest {
    @BeforeAll
    static void doublePrecision() {
        GraphTesting.useDoublePrecision();
    }

    private static final String[] MAPS = {"lstm/hidden", "lstm/forget_gates", "lstm/input_gates",
        "lstm/output_gates", "lstm/cell_states"};

    @Test
    void everyMapIsNamedAndShapedBatchTimeHiddenForAnyBatchSize() {
        SameDiff sd = SameDiff.create();
        SDVariable x = sd.placeHolder("x", DataType.DOUBLE, -1, 4, 3);
        GatedLstm.build(sd, "lstm", x, new LstmConfig(3, 5), new ParamInit(1));

        Map<String, INDArray> out = sd.output(Map.of("x", GraphTesting.random(1, 2, 4, 3)), MAPS);
        for (String map : MAPS) {
            assertArrayEquals(new long[] {2, 4, 5}, out.get(map).shape(), map);
        }
        for (String gate : new String[] {"lstm/forget_gates", "lstm/input_gates", "lstm/output_gates"}) {
            INDArray g = out.get(gate);
            assertTrue(g.minNumber().doubleValue() > 0 && g.maxNumber().doubleValue() < 1, gate + " in (0, 1)");
        }
    }

    /** The same weights through SameDiff's fused lstmLayer (NTS) give the same hidden and last cell states. */
    @Test
    void matchesBuiltInLstmLayer() {
        SameDiff sd = SameDiff.create();
        SDVariable x = sd.var("x", GraphTesting.random(2, 3, 5, 4));
        GatedLstm.build(sd, "lstm", x, new LstmConfig(4, 6), new ParamInit(2));
        SDVariable[] ref = sd.rnn.lstmLayer(x, referenceWeights(sd), referenceConfig());

        Map<String, INDArray> out = sd.output(Map.of(), "lstm/hidden", "lstm/cell_states", ref[0].name(),
                ref[1].name());
        assertClose(out.get(ref[0].name()), out.get("lstm/hidden"), 1e-6);
        INDArray lastCell = out.get("lstm/cell_states").get(NDArrayIndex.all(), NDArrayIndex.point(4),
                NDArrayIndex.all());
        assertClose(out.get(ref[1].name()), lastCell, 1e-6);
    }

    /** A trailing-padding mask equals lstmLayer's per-example sequence lengths. */
    @Test
    void trailingMaskMatchesBuiltInSequenceLengths() {
        SameDiff sd = SameDiff.create();
        SDVariable x = sd.var("x", GraphTesting.random(3, 2, 4, 3));
        SDVariable mask = sd.constant(Nd4j.create(new double[][] {{1, 1, 1, 1}, {1, 1, 0, 0}}));
        GatedLstm.build(sd, "lstm", x, mask, new LstmConfig(3, 2), new ParamInit(3));
        SDVariable lengths = sd.constant(Nd4j.create(new double[] {4, 2}));
        SDVariable[] ref = sd.rnn.lstmLayer(x, null, null, lengths, referenceWeights(sd), referenceConfig());

        Map<String, INDArray> out = sd.output(Map.of(), "lstm/hidden", ref[0].name());
        assertClose(out.get(ref[0].name()), out.get("lstm/hidden"), 1e-6);
    }

    /** A masked step is skipped: later states equal those of the sequence with that step removed. */
    @Test
    void maskedStepCarriesStateAndZeroesMaps() {
        INDArray data = GraphTesting.random(4, 1, 3, 2);
        SameDiff masked = SameDiff.create();
        SDVariable keep = masked.constant(Nd4j.create(new double[][] {{1, 0, 1}}));
        GatedLstm.build(masked, "lstm", masked.var("x", data), keep, new LstmConfig(2, 3), new ParamInit(4));
        SameDiff shorter = SameDiff.create();
        INDArray withoutMiddle = Nd4j.concat(1, data.get(NDArrayIndex.all(), NDArrayIndex.interval(0, 1)),
                data.get(NDArrayIndex.all(), NDArrayIndex.interval(2, 3)));
        GatedLstm.build(shorter, "lstm", shorter.var("x", withoutMiddle), new LstmConfig(2, 3), new ParamInit(4));

        Map<String, INDArray> a = masked.output(Map.of(), MAPS);
        Map<String, INDArray> b = shorter.output(Map.of(), MAPS);
        for (String map : MAPS) {
            assertClose(b.get(map).get(NDArrayIndex.all(), NDArrayIndex.point(1)),
                    a.get(map).get(NDArrayIndex.all(), NDArrayIndex.point(2)), 1e-12);
            assertEquals(0, a.get(map).get(NDArrayIndex.all(), NDArrayIndex.point(1)).norm1Number().doubleValue(),
                    0, map + " at the masked step");
        }
    }

    /**
     * inputSize = hidden = 1, x = (1, -2), Wx = (0.5, -0.5, 1, 2), Wr = (0.1, 0.2, -0.3, 0.4),
     * b = (0.1, 1, -0.1, 0) in gate order (i, f, g, o). Step 1: z = (0.6, 0.5, 0.9, 2), c = i g, h = o tanh(c).
     * Step 2: z = -2 Wx + h_1 Wr + b, c = f c_1 + i g. Values computed by hand in double precision.
     */
    @Test
    void handComputedTwoSteps() {
        SameDiff sd = SameDiff.create();
        GatedLstm.build(sd, "lstm", sd.var("x", Nd4j.create(new double[] {1, -2}, new long[] {1, 2, 1})),
                new LstmConfig(1, 1), new ParamInit(0));
        sd.getVariable("lstm/Wx").setArray(Nd4j.create(new double[][] {{0.5, -0.5, 1.0, 2.0}}));
        sd.getVariable("lstm/Wr").setArray(Nd4j.create(new double[][] {{0.1, 0.2, -0.3, 0.4}}));
        sd.getVariable("lstm/b").setArray(Nd4j.create(new double[] {0.1, 1.0, -0.1, 0.0}));

        Map<String, INDArray> out = sd.output(Map.of(), MAPS);
        assertSequence(out.get("lstm/input_gates"), 0.6456563062257954, 0.29693411971926614);
        assertSequence(out.get("lstm/forget_gates"), 0.6224593312018546, 0.8885603509100409);
        assertSequence(out.get("lstm/output_gates"), 0.8807970779778823, 0.02088206953506906);
        assertSequence(out.get("lstm/cell_states"), 0.4624822370301064, 0.12101294026143106);
        assertSequence(out.get("lstm/hidden"), 0.38059694590912435, 0.002514737219625173);
    }

    @ParameterizedTest(name = "masked={0}")
    @ValueSource(booleans = {false, true})
    void gradientsMatchFiniteDifferences(boolean masked) {
        SameDiff sd = SameDiff.create();
        SDVariable x = sd.var("x", GraphTesting.random(5, 2, 3, 2));
        SDVariable mask = masked ? sd.constant(Nd4j.create(new double[][] {{1, 0, 1}, {1, 1, 0}})) : null;
        LstmGateMaps maps = GatedLstm.build(sd, "lstm", x, mask, new LstmConfig(2, 2), new ParamInit(5));
        SDVariable all = sd.concat(2, maps.hidden(), maps.forgetGates(), maps.inputGates(), maps.outputGates(),
                maps.cellStates());
        GraphTesting.assertGradientsCorrect(sd, all, 99);
    }

    @Test
    void wrongFeatureCountNamesBothShapes() {
        SameDiff sd = SameDiff.create();
        SDVariable x = sd.placeHolder("x", DataType.DOUBLE, -1, 4, 2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GatedLstm.build(sd, "lstm", x, new LstmConfig(3, 2), new ParamInit(1)));
        assertEquals("lstm input has the wrong shape: expected [*, *, 3] but was [-1, 4, 2]", e.getMessage());
    }

    @Test
    void unknownTimeDimensionIsRejected() {
        SameDiff sd = SameDiff.create();
        SDVariable x = sd.placeHolder("x", DataType.DOUBLE, -1, -1, 3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GatedLstm.build(sd, "lstm", x, new LstmConfig(3, 2), new ParamInit(1)));
        assertTrue(e.getMessage().contains("expected [*, T >= 1, 3] but was [-1, -1, 3]"), e.getMessage());
    }

    @Test
    void wrongMaskShapeNamesBothShapes() {
        SameDiff sd = SameDiff.create();
        SDVariable x = sd.placeHolder("x", DataType.DOUBLE, 2, 4, 3);
        SDVariable mask = sd.placeHolder("mask", DataType.DOUBLE, 2, 5);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GatedLstm.build(sd, "lstm", x, mask, new LstmConfig(3, 2), new ParamInit(1)));
        assertEquals("lstm mask has the wrong shape: expected [2, 4] but was [2, 5]", e.getMessage());
    }

    @Test
    void configRejectsBadValuesNamingKeyValueAndRange() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new LstmConfig(3, 0));
        assertEquals("hidden: must be >= 1, was 0", e.getMessage());
    }

    private static LSTMLayerWeights referenceWeights(SameDiff sd) {
        return LSTMLayerWeights.builder().weights(sd.getVariable("lstm/Wx")).rWeights(sd.getVariable("lstm/Wr"))
                .bias(sd.getVariable("lstm/b")).build();
    }

    private static LSTMLayerConfig referenceConfig() {
        return LSTMLayerConfig.builder().lstmdataformat(LSTMDataFormat.NTS).directionMode(LSTMDirectionMode.FWD)
                .gateAct(LSTMActivations.SIGMOID).cellAct(LSTMActivations.TANH).outAct(LSTMActivations.TANH)
                .retFullSequence(true).retLastH(false).retLastC(true).build();
    }

    private static void assertSequence(INDArray actual, double... expected) {
        assertClose(Nd4j.create(expected, new long[] {1, expected.length, 1}), actual, 1e-12);
    }

    private static void assertClose(INDArray expected, INDArray actual, double tolerance) {
        assertArrayEquals(expected.shape(), actual.shape(), "shape");
        double maxError = expected.sub(actual).amaxNumber().doubleValue();
        assertTrue(maxError <= tolerance, "max abs error " + maxError + " > " + tolerance);
    }
}
