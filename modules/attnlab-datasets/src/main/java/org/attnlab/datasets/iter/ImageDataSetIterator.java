package org.attnlab.datasets.iter;

import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Image classification over unsigned-byte pixels: features [B, 1, rows, cols] scaled to 0..1,
 * labels [B, C] one-hot (or [B, 1] class ids with {@link LabelFormat#INDEX}). Bucketing has no effect.
 */
public final class ImageDataSetIterator extends BatchedDataSetIterator {

    private final byte[] pixels;
    private final int rows;
    private final int cols;
    private final byte[] labels;
    private final int numClasses;

    /** {@code pixels} holds {@code labels.length} images of {@code rows x cols}, row-major, one after another. */
    public ImageDataSetIterator(byte[] pixels, int rows, int cols, byte[] labels, int numClasses, BatchOptions options) {
        super(new int[labels.length], options, rows * cols, numClasses);
        if (pixels.length != labels.length * rows * cols) {
            throw new IllegalArgumentException(pixels.length + " pixels do not make " + labels.length + " images of "
                    + rows + "x" + cols);
        }
        this.pixels = pixels;
        this.rows = rows;
        this.cols = cols;
        this.labels = labels;
        this.numClasses = numClasses;
    }

    @Override
    protected DataSet batch(int[] indices) {
        int size = rows * cols;
        float[] data = new float[indices.length * size];
        int[] classes = new int[indices.length];
        for (int b = 0; b < indices.length; b++) {
            int from = indices[b] * size;
            for (int j = 0; j < size; j++) {
                data[b * size + j] = (pixels[from + j] & 0xFF) / 255f;
            }
            classes[b] = labels[indices[b]] & 0xFF;
        }
        return new DataSet(Nd4j.create(data, new long[]{indices.length, 1, rows, cols}, 'c'),
                Padding.classes(classes, numClasses, labelFormat()));
    }
}
