package org.attnlab.models.se;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
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
import org.nd4j.linalg.factory.Nd4j;

class SeBlockTest {
    @BeforeAll
    static void doublePrecision() {
        GraphTesting.useDoublePrecision();
    }

    private static Map<String, INDArray> run(SameDiff sd) {
        return sd.output(Map.of(), "se/out", "se/excitation");
    }

    @ParameterizedTest
    @CsvSource({"1,1", "4,1", "4,2", "6,4", "16,16"})
    void shapesFollowChannelsAndRatioForAnyBatchSize(int channels, int ratio) {
        SameDiff sd = SameDiff.create();
        SDVariable x = sd.placeHolder("x", DataType.DOUBLE, -1, channels, -1, -1);
        SeBlock.build(sd, "se", x, new SeConfig(channels, ratio), new ParamInit(7));

        INDArray data = GraphTesting.random(1, 2, channels, 3, 5);
        Map<String, INDArray> out = sd.output(Map.of("x", data), "se/out", "se/excitation");
        assertArrayEquals(new long[] {2, channels, 3, 5}, out.get("se/out").shape());
        INDArray e = out.get("se/excitation");
        assertArrayEquals(new long[] {2, channels}, e.shape());
        assertTrue(e.minNumber().doubleValue() > 0 && e.maxNumber().doubleValue() < 1, "sigmoid range");
        assertArrayEquals(new long[] {channels, channels / ratio}, sd.getVariable("se/w1").getArr().shape());
        assertArrayEquals(new long[] {channels / ratio, channels}, sd.getVariable("se/w2").getArr().shape());
    }

    @Test
    void hugeSecondBiasForcesExcitationToOneAndIdentity() {
        SameDiff sd = SameDiff.create();
        INDArray data = GraphTesting.random(2, 2, 6, 4, 3);
        SDVariable x = sd.var("x", data);
        SeBlock.build(sd, "se", x, new SeConfig(6, 2), new ParamInit(3));
        sd.getVariable("se/b2").setArray(Nd4j.valueArrayOf(new long[] {6}, 1e3, DataType.DOUBLE));

        Map<String, INDArray> out = run(sd);
        assertEquals(Nd4j.ones(DataType.DOUBLE, 2, 6), out.get("se/excitation"));
        assertEquals(data, out.get("se/out"));
    }

    /** C = 2, r = 2: pooled means [2.5, 1], bottleneck relu(2.5 - 1) = 1.5, logits [1.5, 1.5 * -2 + 1]. */
    @Test
    void handWorkedTinyCase() {
        SameDiff sd = SameDiff.create();
        INDArray data = Nd4j.create(new double[] {1, 2, 3, 4, 0, 0, 2, 2}, new long[] {1, 2, 2, 2});
        SeBlock.build(sd, "se", sd.var("x", data), new SeConfig(2, 2), new ParamInit(0));
        sd.getVariable("se/w1").setArray(Nd4j.create(new double[] {1, -1}, new long[] {2, 1}));
        sd.getVariable("se/b1").setArray(Nd4j.create(new double[] {0}, new long[] {1}));
        sd.getVariable("se/w2").setArray(Nd4j.create(new double[] {1, -2}, new long[] {1, 2}));
        sd.getVariable("se/b2").setArray(Nd4j.create(new double[] {0, 1}, new long[] {2}));

        Map<String, INDArray> out = run(sd);
        double e0 = 0.8175744761936437; // sigmoid(1.5)
        double e1 = 0.11920292202211755; // sigmoid(-2)
        assertEquals(Nd4j.create(new double[] {e0, e1}, new long[] {1, 2}), out.get("se/excitation"));
        INDArray expected = Nd4j.create(new double[] {e0, 2 * e0, 3 * e0, 4 * e0, 0, 0, 2 * e1, 2 * e1},
                new long[] {1, 2, 2, 2});
        assertTrue(expected.equalsWithEps(out.get("se/out"), 1e-12), "scaled maps");
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        SameDiff sd = SameDiff.create();
        SDVariable x = sd.var("x", GraphTesting.random(3, 2, 4, 3, 3));
        SDVariable out = SeBlock.build(sd, "se", x, new SeConfig(4, 2), new ParamInit(11));
        GraphTesting.assertGradientsCorrect(sd, out, 99);
    }

    @Test
    void sameSeedSameWeightsOtherSeedOtherWeights() {
        assertEquals(w1(5), w1(5));
        assertNotEquals(w1(5), w1(6));
    }

    private static INDArray w1(long seed) {
        SameDiff sd = SameDiff.create();
        SeBlock.build(sd, "se", sd.var("x", GraphTesting.random(4, 1, 8, 2, 2)), new SeConfig(8, 2),
                new ParamInit(seed));
        return sd.getVariable("se/w1").getArr();
    }

    @Test
    void wrongChannelCountNamesBothShapes() {
        SameDiff sd = SameDiff.create();
        SDVariable x = sd.placeHolder("x", DataType.DOUBLE, -1, 3, 4, 4);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SeBlock.build(sd, "se", x, new SeConfig(4, 2), new ParamInit(1)));
        assertTrue(e.getMessage().contains("expected [*, 4, *, *]"), e.getMessage());
        assertTrue(e.getMessage().contains("[-1, 3, 4, 4]"), e.getMessage());
    }

    @Test
    void configRejectsBadValuesNamingKeyValueAndRange() {
        IllegalArgumentException ratio = assertThrows(IllegalArgumentException.class, () -> new SeConfig(4, 5));
        assertEquals("ratio: must be in [1, 4], was 5", ratio.getMessage());
        IllegalArgumentException channels = assertThrows(IllegalArgumentException.class, () -> new SeConfig(0, 1));
        assertTrue(channels.getMessage().startsWith("channels: must be >= 1, was 0"), channels.getMessage());
    }
}
