package org.attnlab.experiments.report;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.Locale;
import org.attnlab.experiments.store.MetricRow;

/**
 * Computed warnings that a result cannot separate variants. Each knows when it fires and says why in a sentence.
 */
public enum Flag {
    /** Accuracy within {@value #CEILING_MARGIN} of 1. */
    CEILING("ceiling"),
    /** Accuracy within {@value #CHANCE_MARGIN} of the dataset's chance level. */
    CHANCE("chance"),
    /** Validation loss still falling by more than the set fraction over the last 20% of steps. */
    NOT_CONVERGED("not converged"),
    /** BLEU exactly 0. */
    ZERO("zero"),
    /** A paired comparison whose per-seed differences are all the same, and not 0. */
    CONSTANT("constant difference");

    /** How close to 1 an accuracy is at the ceiling. */
    public static final double CEILING_MARGIN = 0.01;
    /** How close to chance an accuracy is at chance. */
    public static final double CHANCE_MARGIN = 0.05;
    /** Share of the last steps over which convergence is judged. */
    public static final double LAST_SHARE = 0.2;

    private final String label;

    Flag(String label) {
        this.label = label;
    }

    /** The name shown in tables. */
    public String label() {
        return label;
    }

    /** True for an accuracy at the ceiling. */
    public static boolean atCeiling(double accuracy) {
        return accuracy >= 1 - CEILING_MARGIN;
    }

    /** True for an accuracy at the chance level {@code chance} (never when chance is unknown). */
    public static boolean atChance(double accuracy, double chance) {
        return Double.isFinite(chance) && Math.abs(accuracy - chance) <= CHANCE_MARGIN;
    }

    /** True for a BLEU of exactly 0. */
    public static boolean zero(double bleu) {
        return bleu == 0;
    }

    /**
     * True when the validation loss fell by more than {@code fraction} of its value over the last
     * {@value #LAST_SHARE} of the steps: from the last validation at or before 80% of the final step (the first one
     * when none is) to the final validation. Needs two validations.
     */
    public static boolean notConverged(List<MetricRow> curve, double fraction) {
        List<MetricRow> rows = curve.stream().filter(r -> Double.isFinite(r.valLoss())).toList();
        if (rows.size() < 2) {
            return false;
        }
        MetricRow last = rows.get(rows.size() - 1);
        double cutoff = (1 - LAST_SHARE) * last.step();
        MetricRow start = rows.stream().filter(r -> r.step() <= cutoff).reduce((a, b) -> b).orElse(rows.get(0));
        return start != last && (start.valLoss() - last.valLoss()) > fraction * start.valLoss();
    }

    /** The flags of one completed run (not converged judged with {@code fraction}). */
    public static Set<Flag> ofRun(RunRecord r, double fraction) {
        Set<Flag> f = EnumSet.noneOf(Flag.class);
        double acc = r.summary().testTokenAcc();
        if (atCeiling(acc)) {
            f.add(CEILING);
        }
        if (atChance(acc, r.chance())) {
            f.add(CHANCE);
        }
        if (notConverged(r.curve(), fraction)) {
            f.add(NOT_CONVERGED);
        }
        if (zero(r.summary().testBleu())) {
            f.add(ZERO);
        }
        return f;
    }

    /** Labels of {@code flags}, comma-separated, or "-". */
    public static String labels(Set<Flag> flags) {
        return flags.isEmpty() ? "-" : String.join(", ", flags.stream().map(Flag::label).toList());
    }

    /** What this flag means for a comparison: why it cannot separate its variants, or what it measures instead. */
    public String why(String metric, double chance, double fraction) {
        return switch (this) {
            case CEILING -> "cannot separate the variants: both are within " + CEILING_MARGIN + " of the best "
                    + "possible " + metric + ", so there is no room left to tell them apart (compare learning speed "
                    + "instead)";
            case CHANCE -> String.format(Locale.ROOT, "cannot separate the variants: both are within %.2f of chance "
                    + "level (%.3f), so neither learned the task and a difference is noise", CHANCE_MARGIN, chance);
            case NOT_CONVERGED -> String.format(Locale.ROOT, "says nothing about final quality: validation loss was "
                    + "still falling by more than %.0f%% over the last %.0f%% of steps in some runs, so this compares "
                    + "where training was stopped (a speed of learning), not where the variants end up",
                    100 * fraction, 100 * LAST_SHARE);
            case ZERO -> "cannot separate the variants: BLEU is 0 for both (no test sentence shared a 4-gram with "
                    + "its reference), so the metric cannot order them";
            case CONSTANT -> "gave the same difference on every seed, so the t-test has no p-value (the comparison "
                    + "is left out of Holm's correction) and the interval has no width: it describes these seeds, "
                    + "not the spread a new seed would show";
        };
    }
}
