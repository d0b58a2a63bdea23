package org.attnlab.cli.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Instant;
import org.attnlab.experiments.store.ResultsStore;
import org.attnlab.experiments.store.RunClaimsTest;
import org.attnlab.experiments.store.RunSummary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code attnlab list} tells a run another process is training from one whose process was killed. */
class ListRunsCommandTest {
    @TempDir
    Path dir;

    @Test
    void aRunWhoseProcessIsGoneIsListedAsInterrupted() throws Exception {
        Path db = dir.resolve("attnlab.db");
        Process other = new ProcessBuilder("sleep", "120").start();
        try {
            try (ResultsStore store = ResultsStore.open(db)) {
                store.putRun(RunSummary.started("live-seed1", "e", "live", 1, 10));
                store.putRun(RunSummary.started("killed-seed1", "e", "killed", 1, 10));
            }
            RunClaimsTest.claimAs(db, "live-seed1", InetAddress.getLocalHost().getHostName(), other.toHandle(),
                    Instant.now());
            StringWriter out = new StringWriter();
            assertEquals(0, new CommandLine(new ListRunsCommand()).setOut(new PrintWriter(out))
                    .execute("e", "--results", dir.toString()));
            assertTrue(out.toString().contains("| e | live-seed1 | running |"), out.toString());
            assertTrue(out.toString().contains("| e | killed-seed1 | interrupted |"), out.toString());
        } finally {
            other.destroyForcibly();
        }
    }
}
