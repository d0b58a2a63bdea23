package org.attnlab.experiments.run;

import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.attnlab.experiments.config.DatasetConfig;

/**
 * Reads every dataset file of an experiment before any run trains, so that a corrupt, tampered (checksums of the
 * dataset cache) or mislabelled file stops the experiment with one line naming the file instead of failing each run
 * part-way. Synthetic data has no files and is left to the runs.
 */
final class DataPreflight {
    private DataPreflight() {
    }

    /** Loads the file-backed datasets of {@code runs}; throws {@link DataException} on the first bad one. */
    static void check(List<RunSpec> runs) {
        Set<DatasetConfig> seen = new HashSet<>();
        for (RunSpec run : runs) {
            DatasetConfig cfg = run.variant().dataset();
            if ((cfg.translation() || cfg.images()) && seen.add(cfg)) {
                try {
                    DataSource.open(cfg, run.seed());
                } catch (UncheckedIOException e) {
                    throw new DataException(run.variant().name(), e.getCause().getMessage(), e);
                } catch (IllegalArgumentException e) {
                    throw new DataException(run.variant().name(), e.getMessage(), e);
                }
            }
        }
    }
}
