package org.attnlab.models.transformer;

import static org.attnlab.models.GraphTesting.assertGradientsCorrect;
import static org.attnlab.models.GraphTesting.random;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

class LayerNormTest {
    private static final ParamInit INIT = new ParamInit(3, DataType.DOUBLE);

    @BeforeAll
    static void doublePrecision() {
        GraphTesting.useDoublePrecision();
    }

    private static INDArray normalise(INDArray x, double eps) {
        SameDiff sd = SameDiff.create();
        LayerNorm.apply(sd, "ln", sd.constant("x", x), (int) x.size(-1), eps, INIT);
        return GraphTesting.eval(sd, "ln/out");
    }

    /** A row of variance 1e-6: eps 1e-5 dominates, 1e-3 / sqrt(1.1e-5) = 0.30151 (PyTorch gives the same). */
    @Test
    void smallVarianceRowsAreDampedByEpsilon() {
        INDArray out = normalise(Nd4j.create(new double[]{1e-3, -1e-3}, new long[]{1, 1, 2}, DataType.DOUBLE), 1e-5);
        double expected = 1e-3 / Math.sqrt(1e-6 + 1e-5);
        System.out.printf("layer norm [1e-3, -1e-3] -> [%.6f, %.6f]%n", out.getDouble(0), out.getDouble(1));
        assertEquals(0.3015, expected, 1e-4);
        assertEquals(expected, out.getDouble(0), 1e-15);
        assertEquals(-expected, out.getDouble(1), 1e-15);
    }

    /** Each row of [B, T, d] by hand: (x - mean) / sqrt(biased variance + eps), eps 0 and 0.5. */
    @Test
    void matchesTheFormulaRowByRow() {
        INDArray x = random(7, 2, 3, 5);
        for (double eps : new double[]{0.0, 0.5}) {
            INDArray out = normalise(x, eps);
            for (int b = 0; b < 2; b++) {
                for (int t = 0; t < 3; t++) {
                    double[] row = x.get(NDArrayIndex.point(b), NDArrayIndex.point(t), NDArrayIndex.all()).toDoubleVector();
                    double mean = java.util.Arrays.stream(row).average().orElseThrow();
                    double var = java.util.Arrays.stream(row).map(v -> (v - mean) * (v - mean)).average().orElseThrow();
                    for (int j = 0; j < row.length; j++) {
                        assertEquals((row[j] - mean) / Math.sqrt(var + eps), out.getDouble(b, t, j), 1e-14);
                    }
                }
            }
        }
    }

    @Test
    void gradientsAreCorrect() {
        SameDiff sd = SameDiff.create();
        SDVariable x = sd.var("x", random(1, 2, 3, 4).mul(0.01));
        SDVariable out = LayerNorm.apply(sd, "ln", x, 4, 1e-5, INIT);
        sd.getVariable("ln/gain").getArr().assign(random(5, 4).add(1.0));
        sd.getVariable("ln/bias").getArr().assign(random(6, 4));
        assertGradientsCorrect(sd, out, 2);
    }

    /** The config's epsilon reaches every norm of the built Transformer. */
    @Test
    void transformerUsesTheConfiguredEpsilon() {
        TransformerConfig base = TransformerConfig.small(7, 6, 1, 8, 2, 16);
        TransformerConfig bigEps = new TransformerConfig(7, 7, 6, 1, 8, 2, 16, 0.0, "post", true, "sinusoidal", false,
                "scaled_dot", 0, 0.0, 0.0, 16, false, 10.0, false, 1.0, 1.0, "xavier");
        INDArray a = logits(Transformer.build(base, 1, DataType.DOUBLE));
        INDArray b = logits(Transformer.build(bigEps, 1, DataType.DOUBLE));
        assertTrue(a.sub(b).amaxNumber().doubleValue() > 1e-3, "eps 10 should change the logits");
    }

    private static INDArray logits(SameDiff sd) {
        return sd.output(java.util.Map.of(Transformer.SRC, Nd4j.create(new double[][]{{2, 3, 4}}),
                Transformer.TGT_IN, Nd4j.create(new double[][]{{1, 2, 5}})), Transformer.LOGITS).get(Transformer.LOGITS);
    }
}
