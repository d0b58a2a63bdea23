package org.attnlab.models.transformer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

class PositionalEncodingTest {
    @Test
    void sinusoidalTableMatchesTheClosedForm() {
        int maxLen = 50;
        int d = 10;
        INDArray table = PositionalEncoding.table(maxLen, d);
        assertArrayEquals(new long[]{maxLen, d}, table.shape());
        for (int pos = 0; pos < maxLen; pos++) {
            for (int i = 0; 2 * i < d; i++) {
                double angle = pos / Math.pow(10000, 2.0 * i / d);
                assertEquals(Math.sin(angle), table.getDouble(pos, 2 * i), 0.0, "sin at pos " + pos + ", i " + i);
                assertEquals(Math.cos(angle), table.getDouble(pos, 2 * i + 1), 0.0, "cos at pos " + pos + ", i " + i);
            }
        }
    }
}
