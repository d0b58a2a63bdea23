package org.attnlab.experiments.report;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.attnlab.experiments.config.ReportSettings;
import org.attnlab.experiments.stats.PairedTest;
import org.attnlab.experiments.stats.Power;
import org.attnlab.experiments.stats.SeedInterval;
import org.attnlab.experiments.stats.WelchTest;

/**
 * One comparison of a report: variant a against b on one metric, on the same task. Paired (per-seed differences) on
 * the seeds both ran when they ran the same seeds or share at least two, Welch's unpaired test otherwise.
 *
 * @param task        the task both ran on
 * @param a           first variant
 * @param b           second variant
 * @param metric      compared metric
 * @param paired      true for the paired design
 * @param n           pairs with a finite value on both sides (paired) or the smaller number of seeds (Welch)
 * @param diff        mean of a minus mean of b
 * @param low         lower end of the interval of {@code diff}
 * @param high        upper end
 * @param p           two-sided p-value of the t-test (NaN when the differences do not vary)
 * @param wilcoxonP   exact signed-rank p-value (NaN below six pairs or unpaired)
 * @param se          standard error of {@code diff} (sd / sqrt(n) paired, Welch's otherwise)
 * @param df          its degrees of freedom (n - 1 paired, Welch-Satterthwaite otherwise)
 * @param sd          spread of one per-seed difference, from which the seeds needed follow
 * @param powerAlpha  test level of {@link #detectable} and {@link #seedsNeeded} ({@link #all} sets alpha / m)
 * @param effect      the difference {@link #seedsNeeded} is for ({@code report.effect})
 * @param flags       why the comparison may be unable to separate the variants
 * @param chance      the task's chance level (for the flag sentence)
 */
record Comparison(String task, String a, String b, Metric metric, boolean paired, int n, double diff, double low,
                  double high, double p, double wilcoxonP, double se, double df, double sd, double powerAlpha,
                  double effect, Set<Flag> flags, double chance) {
    /** Power at which {@link #detectable} is computed. */
    static final double POWER = 0.8;

    /** Minimum detectable difference at 80% power and level {@link #powerAlpha}. */
    double detectable() {
        return Power.detectable(se, df, powerAlpha, POWER);
    }

    /** Seeds needed to detect {@link #effect} at that power and level (-1: unknown or beyond the search). */
    int seedsNeeded() {
        return Power.seedsNeeded(effect, sd, powerAlpha, POWER);
    }

    /** This comparison with its detectable difference and seeds needed at level {@code alpha}. */
    Comparison atPowerLevel(double alpha) {
        return new Comparison(task, a, b, metric, paired, n, diff, low, high, p, wilcoxonP, se, df, sd, alpha, effect,
                flags, chance);
    }

    /**
     * The comparisons a report makes among {@code variants} on {@code metrics}, per {@code settings}. Their detectable
     * differences and seeds needed are at level alpha / m, m the comparisons with a p-value ({@link #family}): the
     * level Holm's correction asks of the smallest p, so a true difference of that size is found whatever its rank.
     */
    static List<Comparison> all(List<VariantRuns> variants, List<Metric> metrics, ReportSettings settings) {
        List<Comparison> out = new ArrayList<>();
        for (int i = 0; i < variants.size(); i++) {
            for (int j = i + 1; j < variants.size(); j++) {
                VariantRuns x = variants.get(i);
                VariantRuns y = variants.get(j);
                if (!Objects.equals(x.dataset(), y.dataset())) {
                    continue;                                      // different tasks are never compared
                }
                if (settings.hasReference()) {
                    if (y.variant().equals(settings.compare())) {
                        VariantRuns t = x;
                        x = y;
                        y = t;
                    } else if (!x.variant().equals(settings.compare())) {
                        continue;
                    }
                }
                for (Metric m : metrics) {
                    out.add(of(x, y, m, settings));
                }
            }
        }
        int m = family(out);
        return m > 1 ? out.stream().map(c -> c.atPowerLevel(settings.alpha() / m)).toList() : out;
    }

    /** How many of {@code comparisons} have a p-value: the family Holm's correction adjusts over. */
    static int family(List<Comparison> comparisons) {
        return (int) comparisons.stream().filter(c -> !Double.isNaN(c.p())).count();
    }

    /** Compares {@code x} with {@code y} on {@code m}, its detectable difference at the report's alpha. */
    static Comparison of(VariantRuns x, VariantRuns y, Metric m, ReportSettings s) {
        double level = 1 - s.alpha();
        Set<Flag> flags = flags(x, y, m, s);
        Set<Long> shared = new TreeSet<>(x.seeds());
        shared.retainAll(y.seeds());
        if (shared.size() >= 2 || x.seeds().equals(y.seeds())) {
            PairedTest t = PairedTest.of(m.of(x.runs(shared)), m.of(y.runs(shared)), level);
            if (t.n() >= 2 && t.sdDiff() == 0 && t.meanDiff() != 0) {
                flags.add(Flag.CONSTANT);
            }
            return new Comparison(x.task(), x.variant(), y.variant(), m, true, t.n(), t.meanDiff(), t.low(), t.high(),
                    t.p(), t.wilcoxonP(), t.sdDiff() / Math.sqrt(t.n()), t.n() - 1, t.sdDiff(), s.alpha(), s.effect(),
                    flags, x.chance());
        }
        double[] a = m.of(x.runs());
        double[] b = m.of(y.runs());
        WelchTest w = WelchTest.of(a, b, level);
        return new Comparison(x.task(), x.variant(), y.variant(), m, false, Math.min(x.runs().size(),
                y.runs().size()), w.diff(), w.low(), w.high(), w.p(), Double.NaN, w.se(), w.df(),
                WelchTest.differenceSd(a, b), s.alpha(), s.effect(), flags, x.chance());
    }

    private static Set<Flag> flags(VariantRuns x, VariantRuns y, Metric m, ReportSettings s) {
        Set<Flag> f = EnumSet.noneOf(Flag.class);
        double mx = SeedInterval.of(m.of(x.runs()), m.scale(), 0.95).mean();
        double my = SeedInterval.of(m.of(y.runs()), m.scale(), 0.95).mean();
        if (m.best() == 1 && Flag.atCeiling(mx) && Flag.atCeiling(my)
                || m.best() == 0 && Flag.atCeiling(1 - mx) && Flag.atCeiling(1 - my)) {
            f.add(Flag.CEILING);
        }
        if (m.accuracy() && Flag.atChance(mx, x.chance()) && Flag.atChance(my, y.chance())) {
            f.add(Flag.CHANCE);
        }
        if (m == Metric.BLEU && Flag.zero(mx) && Flag.zero(my)) {
            f.add(Flag.ZERO);
        }
        if (m != Metric.LEARNING_AREA && java.util.stream.Stream.concat(x.runs().stream(), y.runs().stream())
                .anyMatch(r -> Flag.notConverged(r.curve(), s.convergence()))) {
            f.add(Flag.NOT_CONVERGED);
        }
        return f;
    }
}
