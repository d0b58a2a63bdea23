package org.attnlab.experiments.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The per-seed numbers behind a report as CSV ({@value #FILE}): one row per completed run with its test metrics, the
 * tested step, the alignment error rate of its first target-by-source map (empty where the alignment is unknown), steps
 * to the learning-speed threshold (empty when not reached) and the area under the validation accuracy curve; with the
 * curves of {@link CurveCsv} every table and flag can be recomputed.
 */
final class SeedCsv {
    static final String FILE = "per-seed.csv";
    private static final String HEADER = "variant,seed,run_id,steps,tested_step,test_token_acc,test_seq_acc,test_loss,"
            + "test_bleu,test_aer,steps_to_threshold,val_acc_area,tokens_per_second";
    /** The header when every variant classifies images: accuracy per image, no sequence accuracy. */
    private static final String IMAGES_HEADER = "variant,seed,run_id,steps,tested_step,test_acc,test_loss,"
            + "test_bleu,steps_to_threshold,val_acc_area,images_per_second";

    private SeedCsv() {
    }

    /**
     * The CSV text of {@code variants}' runs; {@code threshold} as in the report. When every variant's kind classifies
     * images there is no sequence accuracy column.
     */
    static String of(List<VariantRuns> variants, double threshold) {
        boolean images = !variants.isEmpty() && variants.stream().allMatch(VariantRuns::images);
        return (images ? IMAGES_HEADER : HEADER) + "\n" + variants.stream().flatMap(v -> v.runs().stream()).map(r -> {
            long reached = LearningSpeed.stepsTo(r.curve(), threshold);
            List<String> cells = new ArrayList<>(List.of(r.summary().variant(), Long.toString(r.summary().seed()),
                    r.summary().runId(), Long.toString(r.summary().steps()),
                    Long.toString(r.tested() == null ? r.summary().steps() : r.tested().step()),
                    num(r.summary().testTokenAcc())));
            if (!images) {
                cells.add(num(r.summary().testSeqAcc()));
            }
            cells.addAll(List.of(num(r.summary().testLoss()), num(r.summary().testBleu())));
            if (!images) {
                cells.add(num(r.alignmentError()));
            }
            cells.addAll(List.of(reached == LearningSpeed.NOT_REACHED ? "" : Long.toString(reached),
                    num(LearningSpeed.area(r.curve())), num(r.summary().tokensPerSecond())));
            return String.join(",", cells);
        }).collect(Collectors.joining("\n")) + "\n";
    }

    /** {@code v} with 6 significant digits, empty when not finite. */
    static String num(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.6g", v) : "";
    }
}
