package org.attnlab.experiments.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * {@link BlasBatchedProduct} for every pair of transposes: on one thread the same sgemm calls as libnd4j's
 * {@code matmul} (equal bit for bit), on two threads in blocks of rows (with a shorter last block) within float
 * rounding of sums worked out in double precision.
 */
class BlasBatchedProductTest {

    @Test
    void oneThreadEqualsLibnd4jBitForBitAndTwoThreadsEqualDoubleSums() {
        for (int[] mkn : new int[][] {{20, 16, 20}, {70, 64, 70}}) {
            int m = mkn[0];
            int k = mkn[1];
            int n = mkn[2];
            assertTrue((long) m * k * n > BatchedProduct.MAX_WORK);
            for (int flags = 0; flags < 4; flags++) {
                boolean ta = (flags & 1) != 0;
                boolean tb = (flags & 2) != 0;
                String where = m + "x" + k + "x" + n + " ta=" + ta + " tb=" + tb;
                INDArray a = Nd4j.rand(DataType.FLOAT, ta ? new long[] {2, 3, k, m} : new long[] {2, 3, m, k}).subi(0.5);
                INDArray b = Nd4j.rand(DataType.FLOAT, tb ? new long[] {2, 3, n, k} : new long[] {2, 3, k, n}).subi(0.5);
                INDArray libnd4j = Nd4j.create(DataType.FLOAT, 2, 3, m, n);
                Nd4j.exec(DynamicCustomOp.builder("matmul").addInputs(a, b).addOutputs(libnd4j)
                        .addIntegerArguments(ta ? 1 : 0, tb ? 1 : 0, 0).build());

                INDArray one = Nd4j.create(DataType.FLOAT, 2, 3, m, n);
                BlasBatchedProduct.of(a, b, one, ta, tb, 1).run();
                assertArrayEquals(libnd4j.data().asFloat(), one.data().asFloat(), 0f, where);

                INDArray two = Nd4j.create(DataType.FLOAT, 2, 3, m, n);
                BlasBatchedProduct product = BlasBatchedProduct.of(a, b, two, ta, tb, 2);
                assertNotNull(product, where);
                product.run();
                for (int p = 0; p < 2; p++) {
                    for (int h = 0; h < 3; h++) {
                        for (int i = 0; i < m; i++) {
                            for (int j = 0; j < n; j++) {
                                double exact = 0;
                                for (int q = 0; q < k; q++) {
                                    exact += (double) (ta ? a.getFloat(p, h, q, i) : a.getFloat(p, h, i, q))
                                            * (tb ? b.getFloat(p, h, j, q) : b.getFloat(p, h, q, j));
                                }
                                assertEquals(exact, two.getFloat(p, h, i, j), 1e-6 * k, where);
                            }
                        }
                    }
                }
            }
        }
    }

    @Test
    void viewsAtOffsetsOtherTypesAndMismatchesAreLeftToLibnd4j() {
        INDArray a = Nd4j.rand(DataType.FLOAT, 2, 20, 20);
        INDArray c = Nd4j.create(DataType.FLOAT, 2, 20, 20);
        assertTrue(BlasBatchedProduct.fits(a, a, c, false, false));
        INDArray inBigger = Nd4j.rand(DataType.FLOAT, 3, 20, 20).get(org.nd4j.linalg.indexing.NDArrayIndex.interval(1, 3));
        assertFalse(BlasBatchedProduct.fits(inBigger, a, c, false, false), "a view at an offset");
        INDArray dbl = Nd4j.rand(DataType.DOUBLE, 2, 20, 20);
        assertFalse(BlasBatchedProduct.fits(dbl, dbl, Nd4j.create(DataType.DOUBLE, 2, 20, 20), false, false));
        assertFalse(BlasBatchedProduct.fits(Nd4j.rand(DataType.FLOAT, 20, 20), Nd4j.rand(DataType.FLOAT, 20, 20),
                Nd4j.create(DataType.FLOAT, 20, 20), false, false), "rank 2 stays with libnd4j's gemm");
        assertFalse(BlasBatchedProduct.fits(a, Nd4j.rand(DataType.FLOAT, 2, 21, 20), c, false, false),
                "inner sizes 20 and 21");
    }
}
