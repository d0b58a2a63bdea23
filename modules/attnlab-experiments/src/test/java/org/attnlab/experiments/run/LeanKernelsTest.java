package org.attnlab.experiments.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.TrainingConfig;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;

/**
 * A replayed step whose bias, ReLU, broadcast quotient (by each row's root mean square), broadcast products (a gain over
 * rows, a scale over positions, a key mask), masked softmax (forward and backward) and reshape of an intermediate run
 * through {@link LeanKernels}' rewrites trains float32 parameters bit for bit as SameDiff's session does.
 */
class LeanKernelsTest {
    private static final int B = 3;
    private static final int T = 5;
    private static final int D = 4;
    private static final String[] PARAMETERS = {"w", "bias", "gain", "rowScale"};

    /** With libnd4j's batched products kept ({@value LeanKernels#EXACT}), the replay is the session bit for bit. */
    @Test
    void rewrittenStepsTrainAsTheSessionBitForBit() {
        System.setProperty(LeanKernels.EXACT, "true");
        try {
            List<String> ops = train(0f, T, D);
            assertTrue(ops.stream().anyMatch(o -> o.startsWith("matmul_bp [[" + B + ", ")), ops.toString());
        } finally {
            System.clearProperty(LeanKernels.EXACT);
        }
    }

    /**
     * By default the batched products ({@code h h^T}, weights times values, and their gradients) run as
     * {@link BatchedProduct}s: parameters then match the session's within float rounding.
     */
    @Test
    void batchedProductsInJavaTrainAsTheSessionWithinRounding() {
        List<String> ops = train(1e-5f, T, D);
        assertTrue(ops.stream().anyMatch(o -> o.startsWith("matmul (java) [[" + B + ", " + T + ", " + D + "]")),
                ops.toString());
        assertTrue(ops.stream().anyMatch(o -> o.startsWith("matmul_bp (java) [[" + B + ", ")), ops.toString());
        assertTrue(ops.stream().noneMatch(o -> o.startsWith("matmul_bp [[" + B + ", ")), ops.toString());
    }

    /**
     * Positions and widths whose attention products are more work per matrix than {@link BatchedProduct} takes
     * ({@code 20 x 16 x 20}) run them as {@link BlasBatchedProduct}s, within float rounding of the session.
     */
    @Test
    void largerBatchedProductsRunOnOpenBlasAndTrainAsTheSessionWithinRounding() {
        List<String> ops = train(1e-5f, 20, 16);
        assertTrue(ops.stream().anyMatch(o -> o.startsWith("matmul (blas) [[" + B + ", 20, 16]")), ops.toString());
        assertTrue(ops.stream().anyMatch(o -> o.startsWith("matmul_bp (blas) [[" + B + ", ")), ops.toString());
        assertTrue(ops.stream().noneMatch(o -> o.startsWith("matmul_bp [[" + B + ", ")), ops.toString());
    }

    /**
     * A step recorded with Java products is undone and taken by its replay: steps each recorded by a new session (as
     * after a resume) train as the replayed steps of one session do, bit for bit, and differ from the session's.
     */
    @Test
    void aRecordedStepIsTakenAsItsReplay() {
        SameDiff replayed = graph(T, D);
        SameDiff recordedEachStep = graph(T, D);
        SameDiff bySession = graph(T, D);
        FitSession replaying = new FitSession(replayed, true);
        FitSession session = new FitSession(bySession, false);
        Random rnd = new Random(7);
        for (int i = 0; i < 4; i++) {
            MultiDataSet batch = batch(rnd, T, D);
            replaying.fit(batch);
            new FitSession(recordedEachStep, true).fit(batch);
            session.fit(batch);
        }
        assertEquals(3, replaying.replays());
        boolean differs = false;
        for (String p : PARAMETERS) {
            float[] expected = replayed.getArrForVarName(p).data().asFloat();
            assertArrayEquals(expected, recordedEachStep.getArrForVarName(p).data().asFloat(), 0f, p);
            differs |= !java.util.Arrays.equals(expected, bySession.getArrForVarName(p).data().asFloat());
        }
        assertTrue(differs, "the Java products round differently from libnd4j's");
    }

    /**
     * Trains the graph with {@code t} positions of width {@code d} replayed and through the session; the replayed ops
     * of steps 3 to 6, as the timer names them.
     */
    private static List<String> train(float tolerance, int t, int d) {
        SameDiff replayed = graph(t, d);
        SameDiff bySession = graph(t, d);
        FitSession replaying = new FitSession(replayed, true);
        FitSession session = new FitSession(bySession, false);
        List<String> ops = new ArrayList<>();
        Random rnd = new Random(5);
        for (int i = 0; i < 6; i++) {
            if (i == 2) {
                replaying.timeReplayedOps((op, shapes, nanos) -> ops.add(op + " " + shapes));
            }
            MultiDataSet batch = batch(rnd, t, d);
            replaying.fit(batch);
            session.fit(batch);
        }
        assertEquals(5, replaying.replays());
        for (String p : PARAMETERS) {
            float[] expected = bySession.getArrForVarName(p).data().asFloat();
            assertArrayEquals(expected, replayed.getArrForVarName(p).data().asFloat(), tolerance, p);
            assertFalse(java.util.Arrays.equals(expected, graph(t, d).getArrForVarName(p).data().asFloat()),
                    p + " was trained");
        }
        assertTrue(ops.stream().anyMatch(o -> o.startsWith("relu_bp ")), ops.toString());
        assertTrue(ops.stream().anyMatch(o -> o.startsWith("reduce_sum (java) [[" + B + ", " + t + ", " + d + "]]")),
                "the gain's gradient sums over leading axes in Java: " + ops);
        assertTrue(ops.stream().noneMatch(o -> o.startsWith("add_bp ")), "the bias's add_bp is rewritten: " + ops);
        assertTrue(ops.stream().noneMatch(o -> o.startsWith("thresholdedrelu_bp ") || o.startsWith("softmax_bp ")
                || o.startsWith("softmax ")), ops.toString());
        assertTrue(ops.stream().anyMatch(o -> o.startsWith("reduce_max ")), ops.toString());
        assertTrue(ops.stream().filter(o -> o.startsWith("multiply_bp ") || o.startsWith("divide_bp "))
                .allMatch(LeanKernelsTest::sameShapes), "only same-shape products and quotients keep their bp: " + ops);
        assertTrue(ops.stream().anyMatch(o -> o.startsWith("neg ")), ops.toString());
        assertTrue(ops.stream().noneMatch(o -> o.startsWith("reshape [[" + B * t + ", " + d + "]")),
                "the product's reshape is a view: " + ops);
        return ops;
    }

    /** Whether a "multiply_bp [[x], [y], [g]] -> ..." (or divide_bp) line's two inputs have one shape. */
    private static boolean sameShapes(String line) {
        String[] shapes = line.substring(line.indexOf("[[") + 1).split("], ");
        return shapes[0].equals(shapes[1]);
    }

    /**
     * {@code a = relu(x w + bias)}, {@code h = a / sqrt(mean(a^2) + 1) * gain[d] * rowScale[1, t, 1]}; attention of
     * {@code h} over itself with a key mask, {@code softmax(h h^T) * mask[B, 1, t]}; squared error of the attended
     * values against {@code y}. Float32, Adam.
     */
    private static SameDiff graph(int t, int d) {
        SameDiff sd = SameDiff.create();
        SDVariable x = sd.placeHolder("x", DataType.FLOAT, -1, t, d);
        SDVariable mask = sd.placeHolder("mask", DataType.FLOAT, -1, 1, t);
        SDVariable y = sd.placeHolder("y", DataType.FLOAT, -1, t, d);
        SDVariable w = sd.var("w", Nd4j.linspace(DataType.FLOAT, -0.5, 0.07, d * d).reshape(d, d));
        SDVariable bias = sd.var("bias", Nd4j.linspace(DataType.FLOAT, 0.05, -0.02, d));
        SDVariable gain = sd.var("gain", Nd4j.linspace(DataType.FLOAT, 0.8, 0.1, d));
        SDVariable rowScale = sd.var("rowScale", Nd4j.linspace(DataType.FLOAT, 1.2, -0.1, t).reshape(1, t, 1));
        SDVariable flat = sd.reshape(x, -1, d).mmul(w).add(bias);
        SDVariable act = sd.nn.relu(sd.reshape(flat, sd.shape(x)), 0.0);
        SDVariable h = act.div(sd.math.sqrt(sd.mean(act.mul(act), true, 2).add(1.0))).mul(gain).mul(rowScale);
        SDVariable weights = sd.nn.softmax(sd.mmul(h, h, false, true, false), 2).mul(mask);
        SDVariable diff = sd.mmul(weights, h).sub(y);
        sd.mean("loss", diff.mul(diff));
        sd.setLossVariables("loss");
        sd.setTrainingConfig(TrainingConfig.builder().updater(new Adam(0.05))
                .dataSetFeatureMapping("x", "mask").dataSetLabelMapping("y").build());
        return sd;
    }

    private static MultiDataSet batch(Random rnd, int t, int d) {
        INDArray x = Nd4j.create(DataType.FLOAT, B, t, d);
        INDArray y = Nd4j.create(DataType.FLOAT, B, t, d);
        INDArray mask = Nd4j.ones(DataType.FLOAT, B, 1, t);
        for (int i = 0; i < B * t * d; i++) {
            x.putScalar(i, rnd.nextGaussian());
            y.putScalar(i, rnd.nextGaussian());
        }
        for (int b = 0; b < B; b++) {
            mask.putScalar(new long[] {b, 0, t - 1 - b}, 0.0);
        }
        return new org.nd4j.linalg.dataset.MultiDataSet(new INDArray[] {x, mask}, new INDArray[] {y});
    }
}
