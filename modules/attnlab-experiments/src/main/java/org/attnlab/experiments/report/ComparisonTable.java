package org.attnlab.experiments.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.attnlab.experiments.config.ReportSettings;
import org.attnlab.experiments.stats.Holm;

/** The comparisons of a report with raw and Holm-adjusted p-values, detectable effects and flag sentences. */
final class ComparisonTable {
    private ComparisonTable() {
    }

    static Table of(List<Comparison> comparisons, ReportSettings s) {
        double[] adjusted = Holm.adjust(comparisons.stream().mapToDouble(Comparison::p).toArray());
        List<List<String>> rows = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (int i = 0; i < comparisons.size(); i++) {
            Comparison c = comparisons.get(i);
            rows.add(List.of(c.task(), c.a() + " − " + c.b(), c.metric().label(),
                    (c.paired() ? "paired t" : "Welch t") + ", n = " + c.n(),
                    String.format(Locale.ROOT, "%+.4f [%+.4f, %+.4f]", c.diff(), c.low(), c.high()), p(c.p()),
                    p(adjusted[i]), p(c.wilcoxonP()), num(c.detectable()),
                    c.seedsNeeded() < 0 ? "> " + org.attnlab.experiments.stats.Power.MAX_SEEDS + " or unknown"
                            : Integer.toString(c.seedsNeeded()),
                    Flag.labels(c.flags())));
            if (!c.flags().isEmpty()) {
                List<String> why = c.flags().stream().map(f -> f.why(c.metric().label(), c.chance(), s.convergence()))
                        .toList();
                notes.add("**" + c.a() + " − " + c.b() + ", " + c.metric().label() + "** " + String.join("; it ", why)
                        + ".");
            }
        }
        int m = Comparison.family(comparisons);
        double powerAlpha = comparisons.get(0).powerAlpha();             // alpha / m, set by Comparison.all
        notes.add(0, String.format(Locale.ROOT, "Difference = first minus second variant, with its %.0f%% interval. "
                + "p (Holm) is adjusted across the %d comparisons of this report that have a p-value (of %d); a "
                + "difference is significant at alpha = %s only when p (Holm) < %s. 'Detectable' is the smallest true "
                + "difference this many seeds would detect with 80%% power at alpha = %s (%s, Holm's level for the "
                + "smallest p, so found whatever its rank), from the observed per-seed spread: 'no significant "
                + "difference' rules out only differences larger than that. 'Seeds for %s' is how many seeds would "
                + "detect a difference of %s with 80%% power at that level.%s", 100 * (1 - s.alpha()), m,
                comparisons.size(), fmt(s.alpha()), fmt(s.alpha()), m > 1 ? fmt(s.alpha()) + " / " + m : fmt(s.alpha()),
                String.format(Locale.ROOT, "%.3g", powerAlpha), fmt(s.effect()), fmt(s.effect()),
                s.hasReference() ? " Every variant is compared with " + s.compare() + "." : " All pairs of variants "
                        + "on the same task are compared."));
        return new Table("Comparisons", List.of("task", "variants", "metric", "test", "difference [interval]", "p",
                "p (Holm)", "Wilcoxon p", "detectable (80% power)", "seeds for " + fmt(s.effect()), "flags"), rows,
                notes);
    }

    private static String p(double p) {
        return Double.isNaN(p) ? "n/a" : p < 1e-4 ? "< 0.0001" : String.format(Locale.ROOT, "%.4f", p);
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.4f", v);
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%s", v);
    }
}
