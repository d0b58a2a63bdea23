package org.attnlab.experiments.report;

import java.util.List;
import java.util.stream.Collectors;
import org.attnlab.experiments.store.MetricRow;

/**
 * The validation curves behind a report as CSV ({@value #FILE}): one row per validation of every completed run, so
 * the learning-speed columns and the not-converged flags can be recomputed without the results store.
 */
final class CurveCsv {
    static final String FILE = "validation-curves.csv";
    private static final String HEADER = "variant,seed,step,epoch,train_loss,val_loss,val_token_acc,val_seq_acc";

    private CurveCsv() {
    }

    /** The CSV text of {@code variants}' validation curves, runs in the report's order, validations by step. */
    static String of(List<VariantRuns> variants) {
        return HEADER + "\n" + variants.stream().flatMap(v -> v.runs().stream()).flatMap(r -> r.curve().stream()
                .map(m -> String.join(",", r.summary().variant(), Long.toString(r.summary().seed()),
                        Long.toString(m.step()), SeedCsv.num(m.epoch()), SeedCsv.num(m.trainLoss()), SeedCsv.num(m.valLoss()),
                        SeedCsv.num(m.valTokenAcc()), SeedCsv.num(m.valSeqAcc()))))
                .collect(Collectors.joining("\n")) + "\n";
    }
}
