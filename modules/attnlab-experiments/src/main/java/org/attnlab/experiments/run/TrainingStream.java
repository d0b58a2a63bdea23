package org.attnlab.experiments.run;

import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.nd4j.linalg.dataset.api.iterator.MultiDataSetIterator;

/** Endless training batches, epoch after epoch; positionable so that a resumed run sees the same batches. */
final class TrainingStream {
    private final MultiDataSetIterator it;

    TrainingStream(MultiDataSetIterator it) {
        this.it = it;
    }

    /** Skips the first {@code steps} batches (as a resumed run must). */
    void skip(long steps) {
        for (long i = 0; i < steps; i++) {
            next();
        }
    }

    /** The next batch, starting a new (reshuffled) epoch when one ends. */
    MultiDataSet next() {
        if (!it.hasNext()) {
            it.reset();
        }
        return it.next();
    }
}
