package org.attnlab.experiments.report;

import java.util.List;
import org.attnlab.experiments.store.MetricRow;

/**
 * How fast a run learned, apart from where it ended: the first validated step at which validation token accuracy
 * reached a threshold, and the area under the validation token-accuracy curve.
 */
public final class LearningSpeed {
    /** {@link #stepsTo} of a run that never reached the threshold. */
    public static final long NOT_REACHED = -1;

    private LearningSpeed() {
    }

    /** The first validated step with validation token accuracy at least {@code threshold}, or {@link #NOT_REACHED}. */
    public static long stepsTo(List<MetricRow> curve, double threshold) {
        return curve.stream().filter(r -> r.valTokenAcc() >= threshold).mapToLong(MetricRow::step).findFirst()
                .orElse(NOT_REACHED);
    }

    /**
     * Area under validation token accuracy against step (trapezoid rule) from the first to the last validation,
     * divided by that span of steps: the mean validation accuracy over training, in [0, 1]; with one validation, its
     * accuracy. NaN without validations.
     */
    public static double area(List<MetricRow> curve) {
        if (curve.isEmpty()) {
            return Double.NaN;
        }
        if (curve.size() == 1) {
            return curve.get(0).valTokenAcc();
        }
        double sum = 0;
        for (int i = 1; i < curve.size(); i++) {
            MetricRow a = curve.get(i - 1);
            MetricRow b = curve.get(i);
            sum += (b.step() - a.step()) * (a.valTokenAcc() + b.valTokenAcc()) / 2;
        }
        return sum / (curve.get(curve.size() - 1).step() - curve.get(0).step());
    }
}
