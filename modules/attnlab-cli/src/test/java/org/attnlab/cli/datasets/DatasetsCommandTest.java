package org.attnlab.cli.datasets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatasetsCommandTest {

    @TempDir
    Path cache;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return new CommandLine(new DatasetsCommand()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
    }

    @Test
    void listShowsCatalogueAndCacheStatus() {
        assertEquals(0, run("--data-dir", cache.toString(), "list"));
        String text = out.toString();
        assertTrue(text.contains("cache: " + cache), text);
        assertTrue(text.matches("(?s).*fashion-mnist\\s+-\\s+debian dataset-fashion-mnist=0.0~git20200523.55506a9-1\\s+MIT.*"), text);
        assertTrue(text.contains("rv1909"), text);
    }

    /** A cached dataset with a file missing (deleted by hand) is listed as incomplete, not as cached. */
    @Test
    void aCachedDatasetMissingAFileIsListedAsIncomplete() throws java.io.IOException {
        java.nio.file.Files.createDirectories(cache.resolve("fashion-mnist"));
        assertEquals(0, run("--data-dir", cache.toString(), "list"));
        assertTrue(out.toString().matches("(?s).*fashion-mnist\\s+incomplete\\s.*"), out.toString());
    }

    @Test
    void failuresGiveNonZeroExitAndMessage() {
        assertEquals(1, run("verify", "kjv", "--data-dir", cache.toString()));
        assertTrue(err.toString().contains("dataset kjv is not in the cache"), err.toString());
        assertEquals(1, run("--data-dir", cache.toString(), "fetch", "cifar-10"));
        assertTrue(err.toString().contains("unknown dataset 'cifar-10'"), err.toString());
        assertEquals(2, run("--data-dir", cache.toString()));
        assertEquals(2, run("fetch"));
    }
}
