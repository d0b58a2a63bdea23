package org.attnlab.models.se;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.attnlab.models.GraphTesting;
import org.attnlab.models.init.ParamInit;
import org.attnlab.models.norm.BatchNorm;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.TrainingConfig;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.autodiff.validation.GradCheckUtil;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;

class SeCnnClassifierTest {
    @BeforeAll
    static void doublePrecision() {
        GraphTesting.useDoublePrecision();
    }

    @Test
    void gradientsAreCorrect() {
        SeCnnConfig cfg = new SeCnnConfig(6, 4, 1, true, 2, 3);
        SameDiff sd = SameDiff.create();
        INDArray labels = Nd4j.create(new double[][] {{0, 1, 0}, {0, 0, 1}});
        SeCnnClassifier.build(sd, sd.constant(GraphTesting.random(1, 2, 1, 6, 6)), sd.constant(labels), cfg,
                new ParamInit(3));
        assertTrue(GradCheckUtil.checkGradients(sd, Map.of(), 1e-6, 1e-5, 1e-9, false, false));
    }

    @Test
    void fashionMnistShapesAndOneExcitationPerBlock() {
        SeCnnConfig cfg = SeCnnConfig.fashionMnist(4, 2, true, 2);
        SameDiff sd = SeCnnClassifier.build(cfg, 1);
        List<String> excitations = SeCnnClassifier.excitationNames(cfg);
        assertEquals(List.of("block0/se/excitation", "block1/se/excitation"), excitations);

        Map<String, INDArray> out = sd.output(feed(GraphTesting.random(2, 3, 1, 28, 28), Nd4j.eye(10).getRows(0, 1, 2)),
                SeCnnClassifier.PROBS, SeCnnClassifier.LOSS, excitations.get(0), excitations.get(1));
        assertArrayEquals(new long[] {3, 10}, out.get(SeCnnClassifier.PROBS).shape());
        assertEquals(0, out.get(SeCnnClassifier.LOSS).rank());
        for (String e : excitations) {
            assertArrayEquals(new long[] {3, 4}, out.get(e).shape(), e);
        }
    }

    @Test
    void withoutSeThereAreNoExcitationsAndFewerParameters() {
        SeCnnConfig plain = new SeCnnConfig(8, 4, 2, false, 2, 2);
        SameDiff sd = SeCnnClassifier.build(plain, 1);
        assertEquals(List.of(), SeCnnClassifier.excitationNames(plain));
        assertTrue(sd.variables().stream().noneMatch(v -> v.name().contains("/se/")));
        // per block the SE adds w1 [4, 2], b1 [2], w2 [2, 4] and b2 [4]
        long seParams = 2 * (8 + 2 + 8 + 4);
        SameDiff withSe = SeCnnClassifier.build(new SeCnnConfig(8, 4, 2, true, 2, 2), 1);
        assertEquals(parameterCount(withSe) - seParams, parameterCount(sd));
    }

    @Test
    void learnsWhichHalfOfTheImageIsBrightAndItsExcitationsAreReadable() {
        SeCnnConfig cfg = new SeCnnConfig(8, 4, 1, true, 2, 2);
        SameDiff sd = SeCnnClassifier.build(cfg, 7);
        sd.setTrainingConfig(TrainingConfig.builder().updater(new Adam(3e-2))
                .dataSetFeatureMapping(SeCnnClassifier.IMAGES).dataSetLabelMapping(SeCnnClassifier.LABELS).build());
        DataSet train = halves(64, new SplittableRandom(1));
        DataSet test = halves(64, new SplittableRandom(2));
        double accuracy = GraphTesting.fitUntil("SE-CNN bright-half task", sd, () -> train,
                trained -> accuracy(trained, test), 1.0, 200);
        assertTrue(accuracy >= 0.95, "accuracy " + accuracy);

        String excitation = SeCnnClassifier.excitationNames(cfg).get(0);
        INDArray map = sd.output(feed(test.getFeatures(), test.getLabels()), excitation).get(excitation);
        assertArrayEquals(new long[] {64, cfg.channels()}, map.shape(), "excitation (examples x channels)");
        assertTrue(map.minNumber().doubleValue() >= 0 && map.maxNumber().doubleValue() <= 1,
                "an excitation is a sigmoid: " + map.minNumber() + " .. " + map.maxNumber());
    }

    @Test
    void badConfigValuesAreNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SeCnnConfig(28, 4, 1, true, 8, 10));
        assertEquals("ratio = 8 is out of range: valid range is [1, 4]", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new SeCnnConfig(28, 4, 0, true, 2, 10));
        assertEquals("blocks = 0 is out of range: valid range is [1, 2147483647]", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new SeCnnConfig(28, 8, 1, true, 8, 10));
        assertEquals("ratio = 8 is not valid with channels = 8: every SE block needs channels / ratio >= 2 "
                + "bottleneck units, this gives 1", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new SeCnnConfig(28, 12, 1, true, 7, 10));
        assertEquals("ratio = 7 is not valid with channels = 12: every SE block needs channels / ratio >= 2 "
                + "bottleneck units, this gives 1", e.getMessage());
        assertEquals(8, new SeCnnConfig(28, 8, 1, false, 8, 10).ratio(), "without SE the ratio is unused");
        assertEquals(2, new SeCnnConfig(28, 8, 1, true, 4, 10).block(0).se().reduced());
        e = assertThrows(IllegalArgumentException.class, () -> new SeCnnConfig(28, 8, 1, true, 2, 10, 4, false));
        assertEquals("kernel = 4 is not valid: must be odd", e.getMessage());
    }

    /**
     * Gradient check in double with batch norm after every convolution, on batch statistics (as in a training
     * step). Without the key the graph has no batch norm, as before.
     */
    @Test
    void gradientsAreCorrectWithBatchNorm() {
        SeCnnConfig cfg = new SeCnnConfig(6, 4, 2, true, 2, 3, 3, true);
        SameDiff sd = SameDiff.create();
        INDArray labels = Nd4j.create(new double[][] {{0, 1, 0}, {0, 0, 1}, {1, 0, 0}});
        SeCnnClassifier.build(sd, sd.constant(GraphTesting.random(1, 3, 1, 6, 6)), sd.constant(labels), cfg,
                new ParamInit(3));
        List<String> switches = sd.variables().stream().map(v -> v.name())
                .filter(n -> n.endsWith(BatchNorm.BATCH_STATS)).sorted().toList();
        assertEquals(List.of("block0/conv1/bn/batch_stats", "block0/conv2/bn/batch_stats",
                "block1/conv1/bn/batch_stats", "block1/conv2/bn/batch_stats", "block1/proj/bn/batch_stats",
                "stem/bn/batch_stats"), switches);
        switches.forEach(n -> sd.getVariable(n).setArray(Nd4j.scalar(1.0)));
        assertTrue(GradCheckUtil.checkGradients(sd, Map.of(), 1e-6, 1e-5, 1e-9, false, false));
        assertTrue(SeCnnClassifier.build(new SeCnnConfig(6, 4, 2, true, 2, 3), 1).variables().stream()
                .noneMatch(v -> v.name().contains("/bn/")), "batch norm is off by default");
    }

    /** Gradient check in double with 5x5 convolutions in the stem and the block. */
    @Test
    void gradientsAreCorrectWithAFiveByFiveKernel() {
        SeCnnConfig cfg = new SeCnnConfig(6, 4, 2, true, 2, 3, 5, false);
        SameDiff sd = SameDiff.create();
        INDArray labels = Nd4j.create(new double[][] {{0, 1, 0}, {0, 0, 1}});
        SeCnnClassifier.build(sd, sd.constant(GraphTesting.random(1, 2, 1, 6, 6)), sd.constant(labels), cfg,
                new ParamInit(3));
        assertArrayEquals(new long[] {4, 1, 5, 5}, sd.getVariable("stem/w").getArr().shape());
        assertArrayEquals(new long[] {4, 4, 5, 5}, sd.getVariable("block1/conv2/w").getArr().shape());
        assertTrue(GradCheckUtil.checkGradients(sd, Map.of(), 1e-6, 1e-5, 1e-9, false, false));
    }

    /**
     * Worked by hand: the stem's cross-correlation of a one-pixel image at (r, c) with a k x k kernel (padding k/2)
     * is the kernel turned by 180 degrees around (r, c), so each output pixel (i, j) near it is
     * {@code relu(w[r - i + k/2, c - j + k/2])}.
     */
    @Test
    void theStemConvolutionOfAPointIsTheTurnedKernel() {
        int k = 5;
        SeCnnConfig cfg = new SeCnnConfig(7, 2, 1, false, 1, 2, k, false);
        SameDiff sd = SeCnnClassifier.build(cfg, 4);
        INDArray image = Nd4j.zeros(1, 1, 7, 7);
        image.putScalar(new int[] {0, 0, 3, 2}, 1.0);
        INDArray stem = sd.output(feed(image, Nd4j.create(new double[][] {{1, 0}})), "stem/relu").get("stem/relu");
        INDArray w = sd.getVariable("stem/w").getArr();
        for (int ch = 0; ch < 2; ch++) {
            for (int i = 0; i < 7; i++) {
                for (int j = 0; j < 7; j++) {
                    int a = 3 - i + k / 2;
                    int b = 2 - j + k / 2;
                    double expected = a >= 0 && a < k && b >= 0 && b < k ? Math.max(0, w.getDouble(ch, 0, a, b)) : 0;
                    assertEquals(expected, stem.getDouble(0, ch, i, j), 1e-12, "channel " + ch + " at " + i + "," + j);
                }
            }
        }
    }

    /** n noisy images, class 0 with the left half bright, class 1 with the right half bright. */
    private static DataSet halves(int n, SplittableRandom rnd) {
        int s = 8;
        INDArray images = Nd4j.zeros(n, 1, s, s);
        INDArray labels = Nd4j.zeros(n, 2);
        for (int i = 0; i < n; i++) {
            int label = i % 2;
            labels.putScalar(i, label, 1);
            for (int r = 0; r < s; r++) {
                for (int c = 0; c < s; c++) {
                    boolean bright = (c < s / 2) == (label == 0);
                    images.putScalar(new int[] {i, 0, r, c}, (bright ? 0.6 : 0) + 0.4 * rnd.nextDouble());
                }
            }
        }
        return new DataSet(images, labels);
    }

    private static double accuracy(SameDiff sd, DataSet data) {
        INDArray probs = sd.output(feed(data.getFeatures(), data.getLabels()), SeCnnClassifier.PROBS)
                .get(SeCnnClassifier.PROBS);
        return probs.argMax(1).eq(data.getLabels().argMax(1)).castTo(probs.dataType()).meanNumber().doubleValue();
    }

    private static Map<String, INDArray> feed(INDArray images, INDArray labels) {
        return Map.of(SeCnnClassifier.IMAGES, images, SeCnnClassifier.LABELS, labels);
    }

    private static long parameterCount(SameDiff sd) {
        return sd.variables().stream().filter(v -> v.getVariableType() == VariableType.VARIABLE)
                .mapToLong(v -> v.getArr().length()).sum();
    }
}
