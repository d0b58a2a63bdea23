package org.attnlab.experiments.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * {@link BatchedProduct} against sums worked out in double precision, and against libnd4j's {@code matmul} within
 * float rounding, for every pair of transposes and for sizes that use its blocks and its leftover rows and columns.
 */
class BatchedProductTest {

    @Test
    void productsEqualDoubleSumsInTheirOrderForEveryTranspose() {
        for (int[] mkn : new int[][] {{10, 8, 10}, {8, 16, 8}, {3, 5, 7}, {1, 1, 1}}) {
            for (int flags = 0; flags < 4; flags++) {
                boolean ta = (flags & 1) != 0;
                boolean tb = (flags & 2) != 0;
                int m = mkn[0];
                int k = mkn[1];
                int n = mkn[2];
                INDArray a = Nd4j.rand(DataType.FLOAT, ta ? new long[] {2, 3, k, m} : new long[] {2, 3, m, k}).subi(0.5);
                INDArray b = Nd4j.rand(DataType.FLOAT, tb ? new long[] {2, 3, n, k} : new long[] {2, 3, k, n}).subi(0.5);
                INDArray c = Nd4j.create(DataType.FLOAT, 2, 3, m, n);
                BatchedProduct product = BatchedProduct.of(a, b, c, ta, tb);
                assertNotNull(product, m + "x" + k + "x" + n);
                product.run();

                INDArray libnd4j = Nd4j.create(DataType.FLOAT, 2, 3, m, n);
                Nd4j.exec(DynamicCustomOp.builder("matmul").addInputs(a, b).addOutputs(libnd4j)
                        .addIntegerArguments(ta ? 1 : 0, tb ? 1 : 0, 0).build());
                String where = m + "x" + k + "x" + n + " ta=" + ta + " tb=" + tb;
                for (int p = 0; p < 2; p++) {
                    for (int h = 0; h < 3; h++) {
                        for (int i = 0; i < m; i++) {
                            for (int j = 0; j < n; j++) {
                                float inOrder = 0f;
                                double exact = 0;
                                for (int q = 0; q < k; q++) {
                                    float x = ta ? a.getFloat(p, h, q, i) : a.getFloat(p, h, i, q);
                                    float y = tb ? b.getFloat(p, h, j, q) : b.getFloat(p, h, q, j);
                                    inOrder = q == 0 ? x * y : inOrder + x * y;
                                    exact += (double) x * y;
                                }
                                float got = c.getFloat(p, h, i, j);
                                assertEquals(inOrder, got, 0f, where);
                                assertEquals(exact, got, 1e-6 * k, where);
                                assertEquals(libnd4j.getFloat(p, h, i, j), got, 1e-6 * k, where);
                            }
                        }
                    }
                }
            }
        }
    }

    @Test
    void largeMatricesOtherTypesAndMismatchesAreLeftToLibnd4j() {
        INDArray small = Nd4j.rand(DataType.FLOAT, 2, 4, 4);
        assertTrue(BatchedProduct.fits(small, small, Nd4j.create(DataType.FLOAT, 2, 4, 4), false, false));
        INDArray large = Nd4j.rand(DataType.FLOAT, 2, 32, 32);
        assertFalse(BatchedProduct.fits(large, large, Nd4j.create(DataType.FLOAT, 2, 32, 32), false, false),
                "32 x 32 x 32 is more work than " + BatchedProduct.MAX_WORK);
        INDArray dbl = Nd4j.rand(DataType.DOUBLE, 2, 4, 4);
        assertFalse(BatchedProduct.fits(dbl, dbl, Nd4j.create(DataType.DOUBLE, 2, 4, 4), false, false));
        assertFalse(BatchedProduct.fits(Nd4j.rand(DataType.FLOAT, 4, 4), Nd4j.rand(DataType.FLOAT, 4, 4),
                Nd4j.create(DataType.FLOAT, 4, 4), false, false), "rank 2");
        assertFalse(BatchedProduct.fits(small.permute(0, 2, 1), small, Nd4j.create(DataType.FLOAT, 2, 4, 4),
                false, false), "a permuted view");
        assertFalse(BatchedProduct.fits(small, Nd4j.rand(DataType.FLOAT, 3, 4, 4), Nd4j.create(DataType.FLOAT, 2, 4, 4),
                false, false), "other batch sizes");
        assertNull(BatchedProduct.of(small, Nd4j.rand(DataType.FLOAT, 2, 5, 4), Nd4j.create(DataType.FLOAT, 2, 4, 4),
                false, false), "inner sizes 4 and 5");
    }
}
