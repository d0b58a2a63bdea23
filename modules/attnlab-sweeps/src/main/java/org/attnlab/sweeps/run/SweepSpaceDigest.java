package org.attnlab.sweeps.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.attnlab.datasets.fetch.Sha256;
import org.attnlab.sweeps.config.SweepConfig;

/**
 * A digest of what decides a sweep's trials and their meaning: parameters, search, objective, seed and the base
 * experiment's text. A stored sweep resumes only under the same digest; budget, pruning and threads may change.
 */
final class SweepSpaceDigest {
    private SweepSpaceDigest() {
    }

    static String of(SweepConfig config) {
        String base;
        try {
            base = Sha256.ofFile(config.baseFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + config.baseFile(), e);
        }
        return Sha256.ofText(String.join("|", config.parameters().toString(), config.search().toString(),
                config.objective().toString(), Long.toString(config.seed()), base));
    }
}
