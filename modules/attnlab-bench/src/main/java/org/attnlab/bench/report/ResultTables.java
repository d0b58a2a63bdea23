package org.attnlab.bench.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Writes a suite's results as CSV (one row per case, every step time included) and as a Markdown table. */
public final class ResultTables {
    /** CSV columns, in order. */
    public static final String CSV_HEADER = "case,warmup,counted,tokens_per_step,median_ms,min_ms,max_ms,tokens_per_s,steps_per_s,"
            + "gflop_per_step,gflop_s,of_gemm_peak,gemm_peak_gflop_s,peak_rss_mb,parameters,gc_count,gc_ms,alloc_kb_per_step,spec,step_ms,cpu_ms,probe_ms";

    private ResultTables() {
    }

    /**
     * The CSV text: a header, then one row per case; {@code spec} is {@code key=value;...}, {@code step_ms},
     * {@code cpu_ms} (the stepping thread's processor time in each step) and {@code probe_ms} (the speed probe after
     * each step) {@code ;}-separated.
     */
    public static String csv(SuiteResult r) {
        StringBuilder b = new StringBuilder(CSV_HEADER).append('\n');
        for (CaseResult c : r.cases()) {
            b.append(String.join(",", c.name(), Integer.toString(r.warmup()), Integer.toString(r.counted()),
                    Long.toString(c.tokens()), num(c.times().median()), num(c.times().min()), num(c.times().max()), num(c.tokensPerSecond()),
                    num(c.stepsPerSecond()), num(c.flops() / 1e9), num(c.gflops()), num(r.ofPeak(c)),
                    num(r.gemmGflops()), num(c.peakRssBytes() / 1048576.0), Long.toString(c.parameters()),
                    counted(c.times().collections()), counted(c.times().collectionMs()),
                    num(c.times().allocatedKbPerStep()),
                    c.spec().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                            .collect(Collectors.joining(";")),
                    joined(c.times().ms()), joined(c.times().cpuMs()), joined(c.times().probeMs()))).append('\n');
        }
        return b.toString();
    }

    /** A Markdown table with a header paragraph (command, settings, matrix-multiply rate). */
    public static String markdown(SuiteResult r, String command) {
        StringBuilder b = new StringBuilder();
        b.append("Command: `").append(command).append("`  \n");
        b.append("Runtime: ").append(r.runtime().summary()).append("  \n");
        b.append(String.format(Locale.ROOT, "Steps: median of %d after %d warm-up; matrix-multiply rate (ND4J gemm "
                + "%dx%d float32 into a preallocated output): %.1f GFLOP/s. Peak RSS: %s.%n%n", r.counted(),
                r.warmup(), r.gemmSize(), r.gemmSize(), r.gemmGflops(), r.rssPerCase()
                        ? "the process peak while the case ran (reset before each case)"
                        : "the process peak since start (could not be reset per case)"));
        b.append("Probe: a fixed piece of work (`SpeedProbe`) timed after each step; its slowest over its fastest is how much "
                + "the processor's own speed changed while the steps ran.\n\n");
        b.append("| case | median ms | min ms | max ms | tokens/s | GFLOP/s | of gemm rate | peak RSS MB | parameters "
                + "| collections in timed steps (ms) | Java kB allocated per step | probe slowest / fastest |\n");
        b.append("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
        for (CaseResult c : r.cases()) {
            b.append(String.format(Locale.ROOT, "| %s | %.2f | %.2f | %.2f | %.0f | %s | %s | %.0f | %d | %s | %s | %s |%n", c.name(),
                    c.times().median(), c.times().min(), c.times().max(), c.tokensPerSecond(),
                    Double.isNaN(c.gflops()) ? "-" : String.format(Locale.ROOT, "%.2f", c.gflops()),
                    Double.isNaN(c.gflops()) ? "-" : String.format(Locale.ROOT, "%.3f", r.ofPeak(c)),
                    c.peakRssBytes() / 1048576.0, c.parameters(), c.times().collections() < 0 ? "-"
                            : c.times().collections() + " (" + c.times().collectionMs() + ")",
                    Double.isNaN(c.times().allocatedKbPerStep()) ? "-"
                            : String.format(Locale.ROOT, "%.1f", c.times().allocatedKbPerStep()),
                    Double.isNaN(c.times().probeSpread()) ? "-"
                            : String.format(Locale.ROOT, "%.2f", c.times().probeSpread())));
        }
        b.append('\n');
        for (CaseResult c : r.cases()) {
            b.append("- `").append(c.name()).append("`: ").append(c.description()).append('\n');
        }
        return b.toString();
    }

    /** Writes {@code attnlab.csv} and {@code attnlab.md} into {@code dir} (created if missing). */
    public static void write(SuiteResult r, String command, Path dir) {
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("attnlab.csv"), csv(r));
            Files.writeString(dir.resolve("attnlab.md"), markdown(r, command));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String joined(double[] values) {
        return Arrays.stream(values).mapToObj(ResultTables::num).collect(Collectors.joining(";"));
    }

    private static String counted(long n) {
        return n < 0 ? "" : Long.toString(n);
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.6g", v);
    }
}
