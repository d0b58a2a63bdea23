package org.attnlab.bench;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.attnlab.bench.cases.BenchCase;
import org.attnlab.bench.cases.Workload;
import org.attnlab.bench.measure.GemmPeak;
import org.attnlab.bench.measure.PeakRss;
import org.attnlab.bench.measure.StepTimes;
import org.attnlab.bench.report.CaseResult;
import org.attnlab.bench.report.SuiteResult;
import org.attnlab.models.runtime.RuntimeSettings;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Runs benchmark cases one after another in this process: the matrix-multiply rate first (as many products as steps,
 * within {@value #GEMM_WARMUP} warm-up and 5 to {@value #GEMM_COUNTED} timed ones), then per case its set-up
 * (untimed), {@code warmup} untimed steps and {@code counted} timed steps, with the peak RSS reset before each case.
 *
 * @param warmup   untimed steps per case
 * @param counted  timed steps per case
 * @param gemmSize n of the {@code [n, n]} matrices the matrix-multiply rate is measured on
 */
public record BenchSuite(int warmup, int counted, int gemmSize) {
    /**
     * At most this many warm-up and timed products for the matrix-multiply rate (at least 1 and 5): a long timing of
     * small steps would otherwise spend minutes on products of 20 ms each.
     */
    static final int GEMM_WARMUP = 10;
    static final int GEMM_COUNTED = 50;

    public BenchSuite {
        if (warmup < 0 || counted < 1 || gemmSize < 1) {
            throw new IllegalArgumentException("warm-up must be >= 0, counted steps and gemm size >= 1, were "
                    + warmup + ", " + counted + ", " + gemmSize);
        }
    }

    /** Runs {@code cases}, printing a line per case to {@code log}. */
    public SuiteResult run(List<BenchCase> cases, PrintWriter log) {
        double gemm = GemmPeak.gflops(gemmSize, Math.min(Math.max(warmup, 1), GEMM_WARMUP),
                Math.min(Math.max(counted, 5), GEMM_COUNTED), GemmPeak.SEED);
        log.printf(Locale.ROOT, "gemm %dx%d: %.1f GFLOP/s%n", gemmSize, gemmSize, gemm);
        boolean rssPerCase = true;
        List<CaseResult> out = new ArrayList<>();
        for (BenchCase c : cases) {
            System.gc();
            rssPerCase &= PeakRss.reset();
            Workload w = c.prepare();
            StepTimes t = StepTimes.measure(w.step(), warmup, counted);
            CaseResult r = new CaseResult(c.name(), c.description(), t, w.flops(), w.tokens(), w.parameters(),
                    PeakRss.bytes(), w.spec());
            log.printf(Locale.ROOT, "%-22s median %9.2f ms  min %9.2f  max %9.2f  %10.0f tokens/s  %8.2f GFLOP/s"
                            + "  peak RSS %6.0f MB  %d parameters%n", r.name(), t.median(), t.min(), t.max(),
                    r.tokensPerSecond(), r.gflops(), r.peakRssBytes() / 1048576.0, r.parameters());
            log.flush();
            out.add(r);
        }
        return new SuiteResult(gemm, gemmSize, warmup, counted, rssPerCase, RuntimeSettings.current(), out);
    }

    /** Sets ND4J's thread counts (libnd4j threads, master threads and BLAS threads) to {@code n}. */
    public static void useThreads(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("threads must be >= 1, was " + n);
        }
        Nd4j.getEnvironment().setMaxThreads(n);
        Nd4j.getEnvironment().setMaxMasterThreads(n);
        Nd4j.factory().blas().setMaxThreads(n);
    }
}
