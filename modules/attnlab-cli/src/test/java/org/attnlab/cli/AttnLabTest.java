package org.attnlab.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The experiment commands are reachable from the {@code attnlab} entry point. */
class AttnLabTest {
    @Test
    void experimentCommandsAreRegistered() {
        var commands = new CommandLine(new AttnLab()).getSubcommands().keySet();
        assertTrue(commands.containsAll(java.util.List.of("demo", "run", "report", "list")), commands.toString());
    }
}
