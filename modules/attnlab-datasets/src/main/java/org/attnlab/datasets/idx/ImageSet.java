package org.attnlab.datasets.idx;

import org.attnlab.datasets.iter.BatchOptions;
import org.attnlab.datasets.iter.BatchedDataSetIterator;
import org.attnlab.datasets.iter.ImageDataSetIterator;

import java.util.Arrays;

/**
 * Images with their class labels, both read from IDX files.
 *
 * @param images     [N, rows, cols] unsigned bytes
 * @param labels     [N] class ids
 * @param numClasses number of classes
 */
public record ImageSet(IdxFile images, IdxFile labels, int numClasses) {

    /** Checks that images are 3-D and that both files hold the same number of items. */
    public ImageSet {
        if (images.dims().length != 3 || labels.dims().length != 1 || images.count() != labels.count()) {
            throw new IllegalArgumentException("images " + Arrays.toString(images.dims())
                    + " and labels " + Arrays.toString(labels.dims()) + " do not match");
        }
    }

    /** Number of images. */
    public int count() {
        return images.count();
    }

    /** Batches of features [B, 1, rows, cols] scaled to 0..1 and labels [B, numClasses] one-hot. */
    public BatchedDataSetIterator iterator(BatchOptions options) {
        return new ImageDataSetIterator(images.data(), images.dims()[1], images.dims()[2], labels.data(), numClasses, options);
    }
}
