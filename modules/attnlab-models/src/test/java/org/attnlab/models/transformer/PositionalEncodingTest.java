package org.attnlab.models.transformer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.attnlab.models.plot.Heatmaps;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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

    @Test
    void barcodeIsWrittenAsAPng(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("pe/barcode.png");
        Heatmaps.save(PositionalEncoding.table(40, 32), null, null, "sinusoidal positional encoding", png);
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(32 * 24 + 160, image.getWidth());
        assertEquals(40 * 24 + 120, image.getHeight());
    }
}
