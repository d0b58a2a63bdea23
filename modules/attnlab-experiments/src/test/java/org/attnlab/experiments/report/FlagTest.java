package org.attnlab.experiments.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.attnlab.experiments.kinds.DataKind;
import org.attnlab.experiments.config.ReportSettings;
import org.attnlab.experiments.store.MetricRow;
import org.attnlab.experiments.store.RunSummary;
import org.junit.jupiter.api.Test;

/** Each flag fires on a synthetic result built to trigger it and stays quiet on one that should not. */
class FlagTest {
    private static final double FRACTION = 0.02;

    @Test
    void notConvergedFiresOnALossStillFalling() {
        // exp(-s/100): 0.449 at step 80, 0.368 at step 100, an 18% fall over the last 20%
        assertTrue(Flag.notConverged(Curves.of(10, 100, s -> Math.exp(-s / 100.0), s -> 0.5), FRACTION));
        // 0.1 + exp(-s/5): flat after step 40 (fall 1e-7 of the value)
        assertFalse(Flag.notConverged(Curves.of(10, 100, s -> 0.1 + Math.exp(-s / 5.0), s -> 0.5), FRACTION));
        // rising (overfitting) is not "still falling"
        assertFalse(Flag.notConverged(Curves.of(10, 100, s -> 0.1 + s / 1000.0, s -> 0.5), FRACTION));
        // one validation says nothing
        assertFalse(Flag.notConverged(Curves.of(10, 10, s -> 1, s -> 0.5), FRACTION));
    }

    @Test
    void ceilingChanceAndZero() {
        assertTrue(Flag.atCeiling(0.995));
        assertFalse(Flag.atCeiling(0.98));
        assertTrue(Flag.atChance(0.12, 1.0 / 9));
        assertFalse(Flag.atChance(0.5, 1.0 / 9));
        assertFalse(Flag.atChance(0.0, Double.NaN));
        assertTrue(Flag.zero(0.0));
        assertFalse(Flag.zero(0.01));
    }

    @Test
    void comparisonsCarryTheFlagsOfBothVariantsWithASentence() {
        JsonNode reverse = reverse();
        List<MetricRow> flat = Curves.of(10, 100, s -> 0.1 + Math.exp(-s / 5.0), s -> 1.0);
        VariantRuns a = variant("a", reverse, new double[] {1.0, 0.999, 1.0}, flat);
        VariantRuns b = variant("b", reverse, new double[] {0.998, 1.0, 1.0}, flat);
        Comparison c = Comparison.of(a, b, Metric.TOKEN_ACCURACY, ReportSettings.DEFAULTS);
        assertEquals(Set.of(Flag.CEILING), c.flags());
        assertTrue(Flag.CEILING.why(c.metric().label(), c.chance(), FRACTION).contains("no room left"));

        VariantRuns lost1 = variant("c", reverse, new double[] {0.11, 0.12, 0.10}, flat);
        VariantRuns lost2 = variant("d", reverse, new double[] {0.13, 0.11, 0.12}, flat);
        assertEquals(Set.of(Flag.CHANCE), Comparison.of(lost1, lost2, Metric.TOKEN_ACCURACY, ReportSettings.DEFAULTS)
                .flags());
        assertEquals(Set.of(), Comparison.of(a, lost1, Metric.TOKEN_ACCURACY, ReportSettings.DEFAULTS).flags());

        List<MetricRow> falling = Curves.of(10, 100, s -> Math.exp(-s / 100.0), s -> 0.6);
        VariantRuns e = variant("e", reverse, new double[] {0.6, 0.7, 0.65}, falling);
        assertEquals(Set.of(Flag.NOT_CONVERGED), Comparison.of(e, lost1, Metric.TOKEN_ACCURACY,
                ReportSettings.DEFAULTS).flags());
        assertTrue(QualityTable.flags(e, ReportSettings.DEFAULTS).contains("not converged (3 of 3)"));
    }

    @Test
    void zeroBleuOnBothFlagsTheBleuComparison() {
        JsonNode translation = new ObjectMapper().createObjectNode().put("kind", "translation")
                .put("train_examples", 64).put("val_examples", 32).put("test_examples", 32).put("pairs_file", "")
                .put("max_length", 12).put("small_sample", 0).put("split_fraction", 0.05).put("min_count", 2)
                .put("max_vocab", 0);
        List<MetricRow> flat = Curves.of(10, 100, s -> 1.0, s -> 0.3);
        VariantRuns a = withBleu(variant("a", translation, new double[] {0.3, 0.3, 0.3}, flat), 0);
        VariantRuns b = withBleu(variant("b", translation, new double[] {0.3, 0.2, 0.3}, flat), 0);
        assertEquals(Set.of(Flag.ZERO), Comparison.of(a, b, Metric.BLEU, ReportSettings.DEFAULTS).flags());
        VariantRuns c = withBleu(variant("c", translation, new double[] {0.3, 0.2, 0.3}, flat), 0.05);
        // c's BLEU is 0.05 on every seed, a's 0: not zero on both, but the same difference on every seed
        assertEquals(Set.of(Flag.CONSTANT), Comparison.of(a, c, Metric.BLEU, ReportSettings.DEFAULTS).flags());
        // BLEU near its best value is a ceiling as accuracy is
        VariantRuns high = withBleu(variant("h", translation, new double[] {0.3, 0.2, 0.3}, flat), 0.997);
        VariantRuns higher = withBleu(variant("i", translation, new double[] {0.3, 0.3, 0.2}, flat), 0.999);
        assertTrue(Comparison.of(high, higher, Metric.BLEU, ReportSettings.DEFAULTS).flags().contains(Flag.CEILING));
    }

    static JsonNode reverse() {
        return new ObjectMapper().createObjectNode().put("task", "reverse").put("seq_len", 8).put("vocab", 10)
                .put("train_examples", 64).put("val_examples", 32).put("test_examples", 32);
    }

    /** A variant with one run per accuracy, seeds 1, 2, ..., all with {@code curve}. */
    static VariantRuns variant(String name, JsonNode dataset, double[] accuracies, List<MetricRow> curve) {
        List<RunRecord> runs = new ArrayList<>();
        for (int i = 0; i < accuracies.length; i++) {
            RunSummary s = new RunSummary(name + i, "x", name, i + 1, RunSummary.COMPLETED, "", 100, 100, 1, 1, 1, 0.1,
                    accuracies[i], accuracies[i], Double.NaN);
            runs.add(new RunRecord(s, curve, dataset, null, JsonNodeFactory.instance.objectNode(), DataKind.SEQUENCES, List.of()));
        }
        return new VariantRuns(name, runs);
    }

    private static VariantRuns withBleu(VariantRuns v, double bleu) {
        return new VariantRuns(v.variant(), v.runs().stream().map(r -> {
            RunSummary s = r.summary();
            return new RunRecord(new RunSummary(s.runId(), s.experiment(), s.variant(), s.seed(), s.status(), "",
                    s.parameters(), s.steps(), 1, 1, 1, 0.1, s.testTokenAcc(), s.testSeqAcc(), bleu), r.curve(),
                    r.dataset(), null, r.environment(), r.data(), r.alignment());
        }).toList());
    }
}
