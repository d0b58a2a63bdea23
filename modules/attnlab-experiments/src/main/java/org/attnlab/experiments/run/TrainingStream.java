package org.attnlab.experiments.run;

import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

/** Endless training batches, epoch after epoch; positionable so that a resumed run sees the same batches. */
final class TrainingStream {
    private final DataSetIterator it;

    TrainingStream(DataSetIterator it) {
        this.it = it;
    }

    /** Skips the first {@code steps} batches (as a resumed run must). */
    void skip(long steps) {
        for (long i = 0; i < steps; i++) {
            next();
        }
    }

    /** The next batch, starting a new (reshuffled) epoch when one ends. */
    DataSet next() {
        if (!it.hasNext()) {
            it.reset();
        }
        return it.next();
    }
}
