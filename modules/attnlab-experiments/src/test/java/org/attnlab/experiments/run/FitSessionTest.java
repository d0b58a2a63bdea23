package org.attnlab.experiments.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import org.nd4j.autodiff.listeners.At;
import org.nd4j.autodiff.listeners.BaseListener;
import org.nd4j.autodiff.listeners.Operation;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.TrainingConfig;
import org.nd4j.autodiff.samediff.internal.SameDiffOp;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.OpContext;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.schedule.ExponentialSchedule;
import org.nd4j.linalg.schedule.ScheduleType;
import org.junit.jupiter.api.Test;

/** A kept session takes the same steps as separate {@code sd.fit(batch)} calls, and closes its dead arrays. */
class FitSessionTest {
    private static final int STEPS = 6;

    @Test
    void stepsEqualSeparateFitCalls() {
        SameDiff byFit = graph();
        SameDiff bySession = graph();
        FitSession session = new FitSession(bySession);
        Random rnd = new Random(3);
        for (int i = 0; i < STEPS; i++) {
            MultiDataSet batch = batch(rnd, 4 + i % 2);
            byFit.fit(batch);
            session.fit(batch);
        }
        assertSameParameters(byFit, bySession, 1e-12);
        assertEquals(STEPS, bySession.getTrainingConfig().getIterationCount());
        assertEquals(byFit.getTrainingConfig().getIterationCount(), bySession.getTrainingConfig().getIterationCount());
        assertTrue(Math.abs(byFit.getArrForVarName("w1").getDouble(0) - graph().getArrForVarName("w1").getDouble(0)) > 0,
                "training changed the parameters");
    }

    @Test
    void replayedStepsEqualSessionStepsBitForBit() {
        SameDiff replayed = graph();
        SameDiff bySession = graph();
        FitSession replaying = new FitSession(replayed, true);
        FitSession session = new FitSession(bySession, false);
        Random rnd = new Random(11);
        for (int i = 0; i < STEPS; i++) {
            MultiDataSet batch = batch(rnd, 4 + i % 2);
            replaying.fit(batch);
            session.fit(batch);
        }
        assertEquals(STEPS - 2, replaying.replays(), "steps 1 and 2 record the two shapes");
        assertEquals(0, session.replays());
        assertSameParameters(bySession, replayed, 0.0);
    }

    @Test
    void replayedOpsAreTimedWithTheirShapes() {
        SameDiff sd = graph();
        FitSession session = new FitSession(sd, true);
        Random rnd = new Random(17);
        session.fit(batch(rnd, 4));
        List<String> seen = new ArrayList<>();
        long[] nanos = {0};
        session.timeReplayedOps((op, shapes, t) -> {
            seen.add(op + " " + shapes);
            nanos[0] += t;
        });
        session.fit(batch(rnd, 4));
        assertEquals(1, session.replays());
        assertTrue(seen.contains("matmul [[4, 3], [3, 4]] -> [[4, 4]]"), seen.toString());
        assertTrue(seen.stream().anyMatch(s -> s.startsWith("matmul_bp ")), seen.toString());
        assertTrue(seen.contains(ReplayedOpTimer.UPDATE + " w1") && seen.contains(ReplayedOpTimer.UPDATE + " w2"),
                "w1 and w2 each updated after its gradient op: " + seen);
        assertTrue(nanos[0] > 0);
    }

    @Test
    void replayFollowsParametersReplacedBetweenSteps() {
        SameDiff replayed = graph();
        SameDiff bySession = graph();
        FitSession replaying = new FitSession(replayed, true);
        FitSession session = new FitSession(bySession, false);
        Random rnd = new Random(13);
        for (int i = 0; i < STEPS; i++) {
            MultiDataSet batch = batch(rnd, 4);
            if (i == 4) {
                INDArray w = Nd4j.linspace(DataType.DOUBLE, 0.3, 0.05, 8).reshape(4, 2);
                replayed.getVariable("w2").setArray(w.dup());
                bySession.getVariable("w2").setArray(w.dup());
            }
            replaying.fit(batch);
            session.fit(batch);
        }
        assertEquals(4, replaying.replays(), "steps 2, 3, 4 and 6 replayed; step 5 recorded again after the new array");
        assertSameParameters(bySession, replayed, 0.0);
    }

    @Test
    void listenersSeeEveryStepAndItsOps() {
        SameDiff sd = graph();
        Counter counter = new Counter();
        sd.addListeners(counter);
        FitSession session = new FitSession(sd);
        Random rnd = new Random(5);
        for (int i = 0; i < STEPS; i++) {
            session.fit(batch(rnd, 4));
        }
        assertEquals(STEPS, counter.iterations);
        assertTrue(counter.ops >= STEPS * 6L, "ops seen: " + counter.ops);
    }

    @Test
    void closesDeadIntermediatesDuringTheStep() {
        int kept = closedOutputsOfLastStep(true);
        int separate = closedOutputsOfLastStep(false);
        assertTrue(kept >= 5, "kept session closed " + kept + " op outputs");
        assertTrue(separate < kept, "sd.fit closed " + separate + ", the kept session " + kept);
    }

    /** Op outputs of the last of {@value #STEPS} steps whose buffer was closed by the time the step returned. */
    private static int closedOutputsOfLastStep(boolean kept) {
        SameDiff sd = graph();
        List<INDArray> outputs = new ArrayList<>();
        Counter counter = new Counter();
        counter.arrays = outputs::add;
        sd.addListeners(counter);
        FitSession session = new FitSession(sd);
        Random rnd = new Random(7);
        for (int i = 0; i < STEPS; i++) {
            outputs.clear();
            MultiDataSet batch = batch(rnd, 4);
            if (kept) {
                session.fit(batch);
            } else {
                sd.fit(batch);
            }
        }
        return (int) outputs.stream().filter(INDArray::wasClosed).count();
    }

    private static void assertSameParameters(SameDiff expected, SameDiff actual, double tolerance) {
        for (String p : new String[] {"w1", "w2"}) {
            assertArrayEquals(expected.getArrForVarName(p).data().asDouble(), actual.getArrForVarName(p).data().asDouble(),
                    tolerance, p);
        }
    }

    /** {@code y = softmax(tanh(x w1) w2)}, cross-entropy loss, double precision, Adam with a decaying rate. */
    private static SameDiff graph() {
        SameDiff sd = SameDiff.create();
        SDVariable x = sd.placeHolder("x", DataType.DOUBLE, -1, 3);
        SDVariable y = sd.placeHolder("y", DataType.DOUBLE, -1, 2);
        SDVariable w1 = sd.var("w1", Nd4j.linspace(DataType.DOUBLE, -0.5, 0.1, 12).reshape(3, 4));
        SDVariable w2 = sd.var("w2", Nd4j.linspace(DataType.DOUBLE, 0.4, -0.1, 8).reshape(4, 2));
        SDVariable logits = sd.math.tanh(x.mmul(w1)).mmul(w2);
        sd.loss.softmaxCrossEntropy("loss", y, logits, null);
        sd.setLossVariables("loss");
        sd.setTrainingConfig(TrainingConfig.builder()
                .updater(new Adam(new ExponentialSchedule(ScheduleType.ITERATION, 0.05, 0.9)))
                .dataSetFeatureMapping("x").dataSetLabelMapping("y").build());
        return sd;
    }

    private static MultiDataSet batch(Random rnd, int rows) {
        double[][] x = new double[rows][3];
        double[][] y = new double[rows][2];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < 3; j++) {
                x[i][j] = rnd.nextGaussian();
            }
            y[i][rnd.nextInt(2)] = 1;
        }
        return new org.nd4j.linalg.dataset.MultiDataSet(Nd4j.create(x), Nd4j.create(y));
    }

    /** Counts training iterations and executed ops and hands each op output to {@link #arrays}. */
    private static final class Counter extends BaseListener {
        private int iterations;
        private long ops;
        private Consumer<INDArray> arrays = a -> { };

        @Override
        public boolean isActive(Operation operation) {
            return operation == Operation.TRAINING;
        }

        @Override
        public void iterationDone(SameDiff sd, At at, MultiDataSet dataSet, org.nd4j.autodiff.listeners.Loss loss) {
            iterations++;
        }

        @Override
        public void opExecution(SameDiff sd, At at, MultiDataSet batch, SameDiffOp op, OpContext opContext,
                                INDArray[] outputs) {
            ops++;
            for (INDArray o : outputs) {
                if (o != null) {
                    arrays.accept(o);
                }
            }
        }
    }
}
