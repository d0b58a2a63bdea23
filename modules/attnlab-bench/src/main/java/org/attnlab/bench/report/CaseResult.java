package org.attnlab.bench.report;

import java.util.Map;
import org.attnlab.bench.measure.StepTimes;

/**
 * What one case measured.
 *
 * @param name          case name
 * @param description   what a step is
 * @param times         counted step times
 * @param flops         FLOPs per step (NaN where not counted)
 * @param tokens        source tokens per step
 * @param parameters    trainable parameters
 * @param peakRssBytes  peak RSS of the process while the case ran (see {@link org.attnlab.bench.measure.PeakRss})
 * @param spec          the sizes the case ran at
 */
public record CaseResult(String name, String description, StepTimes times, double flops, long tokens,
                         long parameters, long peakRssBytes, Map<String, String> spec) {
    /** Tokens per second at the median step time. */
    public double tokensPerSecond() {
        return tokens / (times.median() / 1e3);
    }

    /** Steps per second at the median step time (batches/s for the data pipeline). */
    public double stepsPerSecond() {
        return 1e3 / times.median();
    }

    /** GFLOP/s at the median step time (NaN where FLOPs are not counted). */
    public double gflops() {
        return flops / (times.median() * 1e6);
    }
}
