package org.attnlab.experiments.run;

import java.util.Locale;

/**
 * Ends a run that diverged, whatever the optimiser: a non-finite loss, or a loss above {@code factor} times the initial
 * loss. The initial loss is taken as that of a uniform prediction over the classes, {@code ln(classes)}, which is where
 * a freshly initialised softmax model starts (an untrained model's measured loss is close to it), so the rule needs no
 * state and holds for a resumed run.
 */
public final class DivergenceRule {
    private static final String NOT_FINITE = "loss became ";
    private static final String ABOVE = "diverged: ";
    private final double factor;
    private final double initial;

    /** @param factor the training setting {@code divergence_factor} (0 = only non-finite losses); @param classes targets */
    DivergenceRule(double factor, int classes) {
        this.factor = factor;
        this.initial = Math.log(Math.max(2, classes));
    }

    /** Why the run diverged at {@code step}, or null while both losses are sane. */
    String check(double trainLoss, double valLoss, long step) {
        for (double loss : new double[]{trainLoss, valLoss}) {
            if (!Double.isFinite(loss)) {
                return NOT_FINITE + loss + " at step " + step;
            }
            if (factor > 0 && loss > factor * initial) {
                return String.format(Locale.ROOT, ABOVE + "loss %.4g at step %d is above %.4g x its initial value "
                        + "%.4g (training.divergence_factor)", loss, step, factor, initial);
            }
        }
        return null;
    }

    /** True when a failed run's {@code reason} is one this rule gave (the run diverged, rather than crashed). */
    public static boolean isDivergence(String reason) {
        return reason.startsWith(NOT_FINITE) || reason.startsWith(ABOVE);
    }
}
