package org.attnlab.experiments.report;

import java.util.List;
import java.util.function.ToDoubleFunction;
import org.attnlab.experiments.stats.Scale;

/** A per-run number a report summarises over seeds, with the range that decides its interval. */
enum Metric {
    TOKEN_ACCURACY("test token accuracy", Scale.PROPORTION, r -> r.summary().testTokenAcc()),
    ACCURACY("test accuracy", Scale.PROPORTION, r -> r.summary().testTokenAcc()),
    SEQUENCE_ACCURACY("test sequence accuracy", Scale.PROPORTION, r -> r.summary().testSeqAcc()),
    LOSS("test loss", Scale.POSITIVE, r -> r.summary().testLoss()),
    BLEU("test BLEU-4", Scale.PROPORTION, r -> r.summary().testBleu()),
    ALIGNMENT_ERROR("test alignment error rate", Scale.PROPORTION, RunRecord::alignmentError),
    LEARNING_AREA("area under validation accuracy", Scale.PROPORTION, r -> LearningSpeed.area(r.curve()));

    private final String label;
    private final Scale scale;
    private final ToDoubleFunction<RunRecord> value;

    Metric(String label, Scale scale, ToDoubleFunction<RunRecord> value) {
        this.label = label;
        this.scale = scale;
        this.value = value;
    }

    String label() {
        return label;
    }

    Scale scale() {
        return scale;
    }

    /** True for accuracies, whose flags are ceiling and chance. */
    boolean accuracy() {
        return this == TOKEN_ACCURACY || this == ACCURACY || this == SEQUENCE_ACCURACY || this == LEARNING_AREA;
    }

    /**
     * The best value the metric can take, which the ceiling flag looks for: 1 for accuracies, BLEU and the learning
     * area, 0 for the alignment error rate, NaN for losses (no best value within reach).
     */
    double best() {
        return this == LOSS ? Double.NaN : this == ALIGNMENT_ERROR ? 0 : 1;
    }

    double of(RunRecord r) {
        return value.applyAsDouble(r);
    }

    double[] of(List<RunRecord> runs) {
        return runs.stream().mapToDouble(this::of).toArray();
    }
}
