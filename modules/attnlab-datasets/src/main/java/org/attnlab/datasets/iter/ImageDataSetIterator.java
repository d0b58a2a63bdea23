package org.attnlab.datasets.iter;

import org.attnlab.datasets.idx.ImageSet;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/** Image classification: features [B, 1, rows, cols] scaled to 0..1, labels [B, C] one-hot (or [B, 1] with INDEX). */
public final class ImageDataSetIterator extends BatchedDataSetIterator {

    private final ImageSet images;

    /** Iterates {@code images}; bucketing has no effect (all images have one size). */
    public ImageDataSetIterator(ImageSet images, BatchOptions options) {
        super(new int[images.count()], options, images.images().itemSize(), images.numClasses());
        this.images = images;
    }

    @Override
    protected DataSet batch(int[] indices) {
        int[] dims = images.images().dims();
        int pixels = images.images().itemSize();
        float[] data = new float[indices.length * pixels];
        int[] classes = new int[indices.length];
        for (int b = 0; b < indices.length; b++) {
            for (int j = 0; j < pixels; j++) {
                data[b * pixels + j] = images.images().value(indices[b], j) / 255f;
            }
            classes[b] = images.labels().value(indices[b], 0);
        }
        return new DataSet(Nd4j.create(data, new long[]{indices.length, 1, dims[1], dims[2]}, 'c'),
                Padding.classes(classes, images.numClasses(), labelFormat()));
    }
}
