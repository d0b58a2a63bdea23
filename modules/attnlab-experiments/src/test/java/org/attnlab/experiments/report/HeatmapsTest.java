package org.attnlab.experiments.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.attnlab.models.transformer.PositionalEncoding;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class HeatmapsTest {
    @Test
    void writesALabelledPngThatReadsBack(@TempDir Path dir) throws Exception {
        INDArray m = Nd4j.create(new double[][]{{0.9, 0.1, 0.0}, {0.2, 0.7, 0.1}});
        Path png = dir.resolve("attn.png");
        Heatmaps.save(m, List.of("x", "y"), List.of("a", "b", "c"), "attention", png);
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(320 + 160, image.getWidth());
        assertEquals(320 + 120, image.getHeight());
        assertNotEquals(image.getRGB(0, 0), image.getRGB(image.getWidth() / 2, image.getHeight() / 2),
                "the image should not be blank");
    }

    @Test
    void wrongLabelCountIsNamed(@TempDir Path dir) {
        INDArray m = Nd4j.zeros(2, 3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Heatmaps.save(m, List.of("x"), null, "t", dir.resolve("a.png")));
        assertEquals("rowLabels: expected 2 labels, got 1", e.getMessage());
    }

    @Test
    void positionalBarcodeHas24PixelCells(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("pe/barcode.png");
        Heatmaps.save(PositionalEncoding.table(40, 32), null, null, "sinusoidal positional encoding", png);
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(32 * 24 + 160, image.getWidth());
        assertEquals(40 * 24 + 120, image.getHeight());
    }
}
