package org.attnlab.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.attnlab.cli.AttnLab;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code attnlab bench} at tiny sizes: tables written, bad input a one-line error. No speed is asserted. */
class BenchCommandTest {
    @TempDir
    Path tmp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return new CommandLine(new AttnLab()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
    }

    @Test
    void smallRunWritesCsvAndMarkdownWithTheCommand() throws Exception {
        Path dir = tmp.resolve("bench");
        int exit = run("bench", "--small", "--cases", "encoder-preln,mha-general-perhead", "--warmup", "1",
                "--iterations", "2", "--out", dir.toString());
        assertEquals(0, exit, out + "\n" + err);
        List<String> csv = Files.readAllLines(dir.resolve("attnlab.csv"));
        assertEquals(3, csv.size(), String.join("\n", csv));
        assertTrue(csv.get(1).startsWith("mha-general-perhead,1,2,8,") && csv.get(2).startsWith("encoder-preln,"),
                String.join("\n", csv));
        String md = Files.readString(dir.resolve("attnlab.md"));
        assertTrue(md.contains("Command: `attnlab bench --small --cases encoder-preln,mha-general-perhead"), md);
        assertTrue(out.toString().contains("gemm 64x64:"), out.toString());
    }

    @Test
    void opCountsCountTheOpsOfASingleAndAnEnsembleStep() throws Exception {
        Path dir = tmp.resolve("ops");
        int exit = run("bench", "--cases", "quickstart-step,quickstart-ensemble-step", "--op-counts", "--warmup", "1",
                "--iterations", "1", "--experiments", "../../experiments", "--out", dir.toString());
        assertEquals(0, exit, out + "\n" + err);
        for (String c : List.of("quickstart-step", "quickstart-ensemble-step")) {
            String md = Files.readString(dir.resolve("ops-" + c + ".md"));
            assertTrue(md.contains(c + " (quickstart/dot): ") && md.contains("op executions per training step")
                    && md.contains("| matmul | 8 |") && md.contains("| matmul_bp | 8 |"), md);
            assertTrue(md.matches("(?s).*Parameters after 2 training steps: SHA-256 [0-9a-f]{64}\\n"), md);
        }
        assertFalse(out.toString().contains("gemm"), "nothing is timed: " + out);
    }

    @Test
    void profileOfALayerCaseTimesItsReplayedOps() throws Exception {
        Path dir = tmp.resolve("profile");
        int exit = run("bench", "--small", "--cases", "encoder-postln", "--profile", "--warmup", "2", "--iterations",
                "3", "--out", dir.toString());
        assertEquals(0, exit, out + "\n" + err);
        String md = Files.readString(dir.resolve("profile-encoder-postln.md"));
        assertTrue(md.startsWith("# Training-step profile: encoder-postln (encoder layer, post-LN") && md.contains(
                "## Replayed steps (the training path)") && md.contains("| matmul_bp | 6.0 |"), md);
        assertTrue(md.contains("| matmul_bp (java) | 4.0 |"), "the heads' two batched products, in Java: " + md);
        assertTrue(md.contains("| parameter update |"), md);
    }

    @Test
    void gemmTypesMeasureEachTypesRateAndError() throws Exception {
        Path dir = tmp.resolve("gemm");
        assertEquals(0, run("bench", "--small", "--gemm-types", "--warmup", "1", "--iterations", "2", "--out",
                dir.toString()), out + "\n" + err);
        String md = Files.readString(dir.resolve("gemm-types.md"));
        assertTrue(md.startsWith("# libnd4j matmul [64, 64] x [64, 64] by type"), md);
        assertTrue(md.contains("| float | ") && md.contains(" | 0.00e+00 |") && md.contains("| bfloat16 | ")
                && md.contains("| half | "), md);
    }

    @Test
    void listPrintsTheSelectedCasesAndRunsNothing() {
        assertEquals(0, run("bench", "--list", "--cases", "encoder,data", "--out", tmp.resolve("x").toString()));
        assertEquals(List.of("encoder-postln", "encoder-preln", "quickstart-data", "transformer-data"),
                out.toString().lines().map(l -> l.split("\t")[0]).toList());
        assertFalse(Files.exists(tmp.resolve("x")));
    }

    @Test
    void badInputIsAOneLineError() throws Exception {
        assertEquals(2, run("bench", "--cases", "encoder,nope"));
        assertTrue(err.toString().startsWith("error: --cases: unknown case 'nope'; valid: all, attention"), err.toString());
        assertEquals(1, err.toString().lines().count(), err.toString());

        StringWriter e2 = new StringWriter();
        int exit = new CommandLine(new AttnLab()).setErr(new PrintWriter(e2)).execute("bench", "--cases", "models",
                "--experiments", tmp.toString());
        assertEquals(2, exit);
        assertTrue(e2.toString().contains("quickstart.yaml not found"), e2.toString());

        StringWriter e5 = new StringWriter();
        Files.writeString(tmp.resolve("quickstart.yaml"), "name: broken\nmodel: [\n");
        Files.writeString(tmp.resolve("transformer-ablation.yaml"), "name: t\n");
        exit = new CommandLine(new AttnLab()).setErr(new PrintWriter(e5)).execute("bench", "--cases", "quickstart-step",
                "--experiments", tmp.toString());
        assertEquals(2, exit);
        assertTrue(e5.toString().startsWith("error: ") && e5.toString().contains("quickstart.yaml")
                && e5.toString().strip().lines().count() == 1, e5.toString());

        StringWriter e4 = new StringWriter();
        exit = new CommandLine(new AttnLab()).setErr(new PrintWriter(e4)).execute("bench", "--iterations", "0");
        assertEquals(2, exit);
        assertEquals("error: --iterations must be >= 1, was 0", e4.toString().strip());

        StringWriter e3 = new StringWriter();
        exit = new CommandLine(new AttnLab()).setErr(new PrintWriter(e3)).execute("bench", "--cases", "data",
                "--experiments", "../../experiments", "--profile");
        assertEquals(2, exit);
        assertTrue(e3.toString().startsWith("error: --profile: select a training case"), e3.toString());
    }
}
