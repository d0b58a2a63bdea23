package org.attnlab.bench.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

/** The error of products in narrower types is measured against float32 on the same inputs. No speed is asserted. */
class GemmPeakTest {
    @Test
    void float32HasNoErrorAndNarrowerTypesSomeWithinTheirPrecision() {
        assertEquals(0.0, GemmPeak.relativeError(32, DataType.FLOAT, 3));
        double bf16 = GemmPeak.relativeError(32, DataType.BFLOAT16, 3);
        double half = GemmPeak.relativeError(32, DataType.HALF, 3);
        assertTrue(bf16 > 1e-4 && bf16 < 0.5, "bfloat16 (8 bits of mantissa): " + bf16);
        assertTrue(half > 1e-5 && half < bf16, "float16 (11 bits) below bfloat16: " + half + " vs " + bf16);
    }

    @Test
    void ratesArePositiveInEveryType() {
        for (DataType t : new DataType[]{DataType.FLOAT, DataType.BFLOAT16, DataType.HALF}) {
            double gflops = GemmPeak.matmulGflops(16, t, 1, 2, 3);
            assertTrue(gflops > 0 && Double.isFinite(gflops), t + ": " + gflops);
        }
    }
}
