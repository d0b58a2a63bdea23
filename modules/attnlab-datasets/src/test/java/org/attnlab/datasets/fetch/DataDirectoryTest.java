package org.attnlab.datasets.fetch;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DataDirectoryTest {

    @Test
    void explicitBeatsEnvironmentBeatsHome() {
        Map<String, String> env = Map.of(DataDirectory.ENV, "/srv/data");
        assertEquals(Path.of("/opt/x"), DataDirectory.resolve(Path.of("/opt/x"), env, "/home/u"));
        assertEquals(Path.of("/srv/data"), DataDirectory.resolve(null, env, "/home/u"));
        assertEquals(Path.of("/home/u/.cache/attnlab/datasets"), DataDirectory.resolve(null, Map.of(), "/home/u"));
    }
}
