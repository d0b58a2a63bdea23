package org.attnlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The experiment commands are reachable from the {@code attnlab} entry point. */
class AttnLabTest {
    @Test
    void experimentCommandsAreRegistered() {
        var commands = new CommandLine(new AttnLab()).getSubcommands().keySet();
        assertTrue(commands.containsAll(java.util.List.of("demo", "run", "report", "list")), commands.toString());
    }

    @Test
    void whatACommandPrintsReachesABufferedOutputBeforeTheExit(@TempDir Path results) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintWriter out = new PrintWriter(bytes, false);
        assertEquals(0, AttnLab.execute(out, new PrintWriter(new ByteArrayOutputStream()), java.util.Map.of(), "--help"));
        assertTrue(bytes.toString(StandardCharsets.UTF_8).contains("run"), bytes.toString());
    }

    @Test
    void javaCppPhysicalMemoryChecksAreOffUnlessALimitIsGiven() {
        String before = System.getProperty(AttnLab.MAX_PHYSICAL_BYTES);
        try {
            System.clearProperty(AttnLab.MAX_PHYSICAL_BYTES);
            AttnLab.skipPhysicalMemoryChecks();
            assertEquals("0", System.getProperty(AttnLab.MAX_PHYSICAL_BYTES));
            System.setProperty(AttnLab.MAX_PHYSICAL_BYTES, "8g");
            AttnLab.skipPhysicalMemoryChecks();
            assertEquals("8g", System.getProperty(AttnLab.MAX_PHYSICAL_BYTES));
        } finally {
            if (before == null) {
                System.clearProperty(AttnLab.MAX_PHYSICAL_BYTES);
            } else {
                System.setProperty(AttnLab.MAX_PHYSICAL_BYTES, before);
            }
        }
    }
}
