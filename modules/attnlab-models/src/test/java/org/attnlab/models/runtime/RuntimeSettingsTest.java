package org.attnlab.models.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The settings line names the backend and the libnd4j build the tests run on. */
class RuntimeSettingsTest {
    @Test
    void theTestsRunOnTheGenericCpuBuild() {
        RuntimeSettings s = RuntimeSettings.current();
        assertEquals("generic", s.build(), "no JavaCPP platform extension is set for the tests");
        assertTrue(s.summary().startsWith("backend=CPU device=cpu (") && s.summary().contains(" build=generic blas="),
                s.summary());
        assertEquals("generic", s.asMap().get("build"));
    }
}
