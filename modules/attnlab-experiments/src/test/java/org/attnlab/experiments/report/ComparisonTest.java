package org.attnlab.experiments.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.attnlab.experiments.config.ReportSettings;
import org.attnlab.experiments.store.MetricRow;
import org.junit.jupiter.api.Test;

/** Which variants are compared, with which test, and the Holm column of the table. */
class ComparisonTest {
    private final List<MetricRow> flat = Curves.of(10, 100, s -> 0.1 + Math.exp(-s / 5.0), s -> 0.5);
    private final VariantRuns a = FlagTest.variant("a", FlagTest.reverse(), new double[] {0.6, 0.7, 0.65}, flat);
    private final VariantRuns b = FlagTest.variant("b", FlagTest.reverse(), new double[] {0.5, 0.55, 0.6}, flat);
    private final VariantRuns c = FlagTest.variant("c", FlagTest.reverse(), new double[] {0.8, 0.75, 0.7}, flat);
    private final VariantRuns other = FlagTest.variant("sort", ((ObjectNode) FlagTest.reverse()).put("task", "sort"),
            new double[] {0.4, 0.5, 0.45}, flat);

    @Test
    void allPairsOnTheSameTaskOnly() {
        List<Comparison> all = Comparison.all(List.of(a, b, other, c), List.of(Metric.TOKEN_ACCURACY),
                ReportSettings.DEFAULTS);
        assertEquals(List.of("a-b", "a-c", "b-c"), all.stream().map(x -> x.a() + "-" + x.b()).toList());
        assertTrue(all.stream().allMatch(Comparison::paired));
        // a - b per seed: 0.1, 0.15, 0.05 -> mean 0.1, sd 0.05, t = 0.1 / (0.05 / sqrt 3) = 3.4641
        assertEquals(0.1, all.get(0).diff(), 1e-12);
        assertEquals(0.1 - 4.302653 * 0.05 / Math.sqrt(3), all.get(0).low(), 1e-5);
    }

    @Test
    void referenceVariantComesFirstInEachComparison() {
        ReportSettings ref = new ReportSettings("c", 0.05, 0.95, 0.01, 0.02);
        List<Comparison> all = Comparison.all(List.of(a, b, c), List.of(Metric.TOKEN_ACCURACY), ref);
        assertEquals(List.of("c-a", "c-b"), all.stream().map(x -> x.a() + "-" + x.b()).toList());
    }

    /** A seed missing on one side: the others stay paired (a - b on seeds 1 and 2: 0.1, 0.15). */
    @Test
    void sharedSeedsArePairedWhenOneSideMissesASeed() {
        VariantRuns two = new VariantRuns("two", b.runs().subList(0, 2));
        Comparison c2 = Comparison.of(a, two, Metric.TOKEN_ACCURACY, ReportSettings.DEFAULTS);
        assertTrue(c2.paired());
        assertEquals(2, c2.n());
        assertEquals(0.125, c2.diff(), 1e-12);
    }

    @Test
    void fewerThanTwoSharedSeedsUseWelch() {
        VariantRuns one = new VariantRuns("one", b.runs().subList(2, 3));
        VariantRuns late = new VariantRuns("late", List.of(b.runs().get(2), c.runs().get(0)).stream()
                .map(r -> new RunRecord(new org.attnlab.experiments.store.RunSummary(r.summary().runId(), "x", "late",
                        r.summary().seed() + 10, "completed", "", 100, 100, 1, 1, 1, 0.1, r.summary().testTokenAcc(),
                        r.summary().testSeqAcc(), Double.NaN), flat, r.dataset(), null, r.environment(), r.data(),
                        List.of())).toList());
        Comparison w = Comparison.of(a, late, Metric.TOKEN_ACCURACY, ReportSettings.DEFAULTS);
        assertFalse(w.paired());
        assertTrue(Double.isNaN(w.wilcoxonP()));
        assertFalse(Comparison.of(a, one, Metric.TOKEN_ACCURACY, ReportSettings.DEFAULTS).paired());
    }

    /** Detectable differences are at alpha / m, Holm's level for the smallest p, m the comparisons with a p-value. */
    @Test
    void detectableDifferencesAreAtHolmsLevel() {
        List<Comparison> all = Comparison.all(List.of(a, b, c), List.of(Metric.TOKEN_ACCURACY),
                ReportSettings.DEFAULTS);
        assertEquals(3, Comparison.family(all));
        // a - b: sd of the differences 0.05 over 3 seeds, at alpha 0.05 / 3
        assertEquals(org.attnlab.experiments.stats.Power.minimumDetectableEffect(0.05, 3, 0.05 / 3, 0.8),
                all.get(0).detectable(), 1e-9);
        assertTrue(all.get(0).detectable() > Comparison.of(a, b, Metric.TOKEN_ACCURACY, ReportSettings.DEFAULTS)
                .detectable());
        String note = ComparisonTable.of(all, ReportSettings.DEFAULTS).notes().get(0);
        assertTrue(note.contains("across the 3 comparisons of this report that have a p-value (of 3)")
                && note.contains("alpha = 0.05 / 3 (0.0167"), note);
    }

    /** The same difference on every seed: no p-value, out of the Holm family, flagged. */
    @Test
    void aConstantDifferenceIsFlaggedAndLeftOutOfTheFamily() {
        VariantRuns shifted = FlagTest.variant("s", FlagTest.reverse(), new double[] {0.5, 0.6, 0.55}, flat);
        Comparison k = Comparison.of(a, shifted, Metric.TOKEN_ACCURACY, ReportSettings.DEFAULTS);
        assertTrue(Double.isNaN(k.p()) && k.flags().contains(Flag.CONSTANT), k.toString());
        List<Comparison> all = Comparison.all(List.of(a, b, shifted), List.of(Metric.TOKEN_ACCURACY),
                ReportSettings.DEFAULTS);
        assertEquals(2, Comparison.family(all));
        assertTrue(ComparisonTable.of(all, ReportSettings.DEFAULTS).notes().stream()
                .anyMatch(n -> n.contains("gave the same difference on every seed")));
    }

    @Test
    void tableShowsRawAndHolmAdjustedP() {
        List<Comparison> all = Comparison.all(List.of(a, b, c), List.of(Metric.TOKEN_ACCURACY),
                ReportSettings.DEFAULTS);
        Table t = ComparisonTable.of(all, ReportSettings.DEFAULTS);
        int p = t.headers().indexOf("p");
        int holm = t.headers().indexOf("p (Holm)");
        double[] raw = all.stream().mapToDouble(Comparison::p).toArray();
        double[] adjusted = org.attnlab.experiments.stats.Holm.adjust(raw);
        for (int i = 0; i < all.size(); i++) {
            assertEquals(String.format(java.util.Locale.ROOT, "%.4f", raw[i]), t.rows().get(i).get(p));
            assertEquals(String.format(java.util.Locale.ROOT, "%.4f", adjusted[i]), t.rows().get(i).get(holm));
            assertTrue(adjusted[i] >= raw[i]);
        }
    }
}
