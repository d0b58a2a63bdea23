package org.attnlab.experiments.config;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.attnlab.experiments.kinds.ModelKinds;
import org.junit.jupiter.api.Test;

/** Every shipped experiment file (top-level {@code experiments/} and {@code experiments/tuning/}) is valid. */
class ShippedExperimentsTest {
    @Test
    void shippedExperimentFilesLoad() throws IOException {
        List<Path> files = new java.util.ArrayList<>();
        for (String dir : List.of("../../experiments", "../../experiments/tuning")) {
            try (var s = Files.list(Path.of(dir))) {
                s.filter(p -> p.toString().endsWith(".yaml")).forEach(files::add);
            }
        }
        assertFalse(files.isEmpty());
        ExperimentLoader loader = new ExperimentLoader(ModelKinds.load());
        for (Path f : files) {
            assertFalse(loader.load(f).variants().isEmpty(), f.toString());
        }
    }
}
