package org.attnlab.datasets.idx;

import org.attnlab.datasets.CorruptDataException;
import org.attnlab.datasets.fetch.DatasetStore;

import java.io.IOException;
import java.nio.file.Path;

/** Fashion-MNIST (catalogue name {@value #DATASET}): 60,000 training and 10,000 test images, 10 classes. */
public final class FashionMnist {

    /** Catalogue name. */
    public static final String DATASET = "fashion-mnist";
    /** Number of classes. */
    public static final int CLASSES = 10;

    private FashionMnist() {
    }

    /** The training split, fetched into {@code store} on first use. */
    public static ImageSet train(DatasetStore store) throws IOException {
        return load(store.fetch(DATASET), "train");
    }

    /** The test split, fetched into {@code store} on first use. */
    public static ImageSet test(DatasetStore store) throws IOException {
        return load(store.fetch(DATASET), "t10k");
    }

    /**
     * Reads {@code PREFIX-images-idx3-ubyte.gz} and {@code PREFIX-labels-idx1-ubyte.gz} from {@code dir}.
     *
     * @throws CorruptDataException naming the file and record when a label is not a class id (0..9)
     */
    public static ImageSet load(Path dir, String prefix) throws IOException {
        Path labelFile = dir.resolve(prefix + "-labels-idx1-ubyte.gz");
        IdxFile labels = IdxFile.read(labelFile);
        for (int i = 0; i < labels.count(); i++) {
            if (labels.value(i, 0) >= CLASSES) {
                throw new CorruptDataException(labelFile, 8L + i, "record " + i + ": label " + labels.value(i, 0)
                        + " is not a class id 0.." + (CLASSES - 1));
            }
        }
        return new ImageSet(IdxFile.read(dir.resolve(prefix + "-images-idx3-ubyte.gz")), labels, CLASSES);
    }
}
