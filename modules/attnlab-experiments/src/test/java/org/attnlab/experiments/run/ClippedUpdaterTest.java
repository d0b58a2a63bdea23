package org.attnlab.experiments.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.Sgd;

/** Clipping rescales a gradient above the limit to the limit and leaves smaller ones alone. */
class ClippedUpdaterTest {
    @Test
    void rescalesLargeGradientsOnly() {
        GradientUpdater<?> u = new ClippedUpdater(new Sgd(1.0), 1.0).instantiate((INDArray) null, false);
        INDArray large = Nd4j.createFromArray(3.0, 4.0);
        u.applyUpdater(large, 0, 0);
        assertArrayEquals(new double[] {0.6, 0.8}, large.toDoubleVector(), 1e-9);
        INDArray small = Nd4j.createFromArray(0.3, 0.4);
        u.applyUpdater(small, 0, 0);
        assertArrayEquals(new double[] {0.3, 0.4}, small.toDoubleVector(), 1e-9);
    }
}
