package org.attnlab.models.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.validation.GradCheckUtil;

/** Finite-difference gradient checks of whole graphs; run them under {@link DoublePrecision}. */
public final class GradientChecks {
    /** Central-difference step. */
    public static final double EPS = 1e-6;
    /** Largest accepted relative error between analytic and numeric gradients. */
    public static final double MAX_REL_ERROR = 1e-5;
    /** Absolute errors below this pass regardless of the relative error. */
    public static final double MIN_ABS_ERROR = 1e-8;

    private GradientChecks() {
    }

    /**
     * Adds the scalar loss {@code sum(out^2 + out)} and checks the gradient of every variable of {@code sd}
     * (so checked inputs must be {@code sd.var}, not placeholders).
     */
    public static void assertGradientsMatch(SameDiff sd, SDVariable out) {
        SDVariable loss = sd.sum("gradcheck/loss", sd.math.square(out).add(out));
        sd.setLossVariables(loss);
        boolean ok = GradCheckUtil.checkGradients(sd, Collections.emptyMap(), EPS, MAX_REL_ERROR, MIN_ABS_ERROR,
                false, true);
        assertTrue(ok, "gradient check failed (see log for the failing parameters)");
    }
}
