package org.attnlab.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.attnlab.bench.cases.BenchCase;
import org.attnlab.bench.cases.Cases;
import org.attnlab.bench.cases.Shapes;
import org.attnlab.bench.report.CaseResult;
import org.attnlab.bench.report.ResultTables;
import org.attnlab.bench.report.SuiteResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole suite at tiny sizes runs and reports sane numbers. Nothing here asserts a speed. */
class SuiteSmokeTest {
    @TempDir
    Path out;

    @Test
    void everyCaseRunsAndReportsPositiveFiniteFigures() throws Exception {
        List<BenchCase> cases = new Cases(Shapes.SMOKE, Path.of("../../experiments")).select("all");
        StringWriter log = new StringWriter();
        SuiteResult r = new BenchSuite(1, 3, 32).run(cases, new PrintWriter(log, true));

        assertTrue(r.gemmGflops() > 0 && Double.isFinite(r.gemmGflops()), "gemm rate " + r.gemmGflops());
        assertEquals(cases.size(), r.cases().size());
        for (CaseResult c : r.cases()) {
            String n = c.name();
            assertEquals(3, c.times().ms().length, n);
            assertTrue(c.times().min() > 0 && c.times().min() <= c.times().median()
                    && c.times().median() <= c.times().max() && Double.isFinite(c.times().max()), n);
            assertTrue(c.peakRssBytes() > 0, n);
            if (n.startsWith("fixed-work")) {
                assertEquals(0, c.tokens(), n + " has no tokens");
                assertTrue(Double.isNaN(c.flops()), n + " counts no FLOPs");
                assertEquals(0, c.parameters(), n);
                assertTrue(Integer.parseInt(c.spec().get("repeats")) >= 1, n);
                continue;
            }
            assertTrue(c.tokens() > 0 && c.tokensPerSecond() > 0 && Double.isFinite(c.tokensPerSecond()), n);
            if (n.endsWith("-data")) {
                assertTrue(Double.isNaN(c.flops()), n + " counts no FLOPs");
                assertEquals(0, c.parameters(), n);
            } else {
                assertTrue(c.gflops() > 0 && Double.isFinite(c.gflops()) && r.ofPeak(c) > 0, n);
                assertTrue(c.parameters() > 0, n);
            }
        }

        ResultTables.write(r, "attnlab bench --small", out);
        List<String> csv = Files.readAllLines(out.resolve("attnlab.csv"));
        assertEquals(ResultTables.CSV_HEADER, csv.get(0));
        assertEquals(cases.size() + 1, csv.size());
        for (String row : csv.subList(1, csv.size())) {
            String[] fields = row.split(",");
            String[] cpu = fields[fields.length - 2].split(";");
            String[] probes = fields[fields.length - 1].split(";");
            assertEquals(3, cpu.length, row);
            assertTrue(Double.parseDouble(cpu[0]) > 0, row);
            assertEquals(3, probes.length, row);
            assertTrue(Double.parseDouble(probes[0]) > 0, row);
        }
        String md = Files.readString(out.resolve("attnlab.md"));
        for (BenchCase c : cases) {
            assertTrue(md.contains("| " + c.name() + " |"), c.name());
            assertTrue(log.toString().contains(c.name()), c.name());
        }
    }

    @Test
    void unknownCaseNamesTheValidOnes() {
        Cases cases = new Cases(Shapes.SMOKE, Path.of("../../experiments"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> cases.select("encoder,nope"));
        assertTrue(e.getMessage().contains("'nope'") && e.getMessage().contains("mha-dot-fused"), e.getMessage());
        assertFalse(cases.select("encoder").isEmpty());
    }
}
