package org.attnlab.experiments.config;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.attnlab.experiments.kinds.ModelKinds;
import org.junit.jupiter.api.Test;

/** Every experiment file shipped in the top-level {@code experiments/} folder is valid. */
class ShippedExperimentsTest {
    @Test
    void shippedExperimentFilesLoad() throws IOException {
        List<Path> files;
        try (var s = Files.list(Path.of("../../experiments"))) {
            files = s.filter(p -> p.toString().endsWith(".yaml")).toList();
        }
        assertFalse(files.isEmpty());
        ExperimentLoader loader = new ExperimentLoader(ModelKinds.load());
        for (Path f : files) {
            assertFalse(loader.load(f).variants().isEmpty(), f.toString());
        }
    }
}
