package org.attnlab.bench.report;

import java.util.List;
import org.attnlab.models.runtime.RuntimeSettings;

/**
 * One run of the suite.
 *
 * @param gemmGflops   the matrix-multiply rate measured at the start of the run (see
 *                     {@link org.attnlab.bench.measure.GemmPeak})
 * @param gemmSize     n of the {@code [n, n] x [n, n]} products it was measured on
 * @param warmup       untimed steps per case
 * @param counted      timed steps per case
 * @param rssPerCase   true when the peak RSS was reset before each case (so each figure is that case's peak);
 *                     false when it is the process peak since start
 * @param runtime      backend and thread settings
 * @param cases        per-case results in run order
 */
public record SuiteResult(double gemmGflops, int gemmSize, int warmup, int counted, boolean rssPerCase,
                          RuntimeSettings runtime, List<CaseResult> cases) {
    /** A case's GFLOP/s as a fraction of the run's matrix-multiply rate. */
    public double ofPeak(CaseResult c) {
        return c.gflops() / gemmGflops;
    }
}
