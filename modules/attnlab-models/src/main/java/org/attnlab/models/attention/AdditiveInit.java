package org.attnlab.models.attention;

import org.attnlab.models.init.ParamInit;
import org.attnlab.models.support.ConfigChecks;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * Initial values of the additive score's parameters {@code <name>/score/Wq [dq, h]}, {@code Wk [dk, h]} and
 * {@code v [h, 1]} (see {@link ScoreFunction#ADDITIVE}). The graph is the same for every choice.
 */
public enum AdditiveInit {
    /** Xavier-uniform {@code Wq}, {@code Wk} and {@code v} (AttnLab's default). */
    XAVIER,
    /**
     * As Bahdanau et al. (2015, appendix B.1): {@code Wq}, {@code Wk} from Normal(0, {@value #BAHDANAU_STD}^2) and
     * {@code v} zero, so every score starts at 0 (uniform weights) and {@code v} learns first.
     */
    BAHDANAU;

    /** Standard deviation of Bahdanau et al.'s {@code W_a}, {@code U_a}. */
    public static final double BAHDANAU_STD = 0.001;

    /** The name used in configs: the constant in lower case. */
    public String configName() {
        return ConfigChecks.configName(this);
    }

    /** Looks a choice up by its config name; unknown names list the valid ones. */
    public static AdditiveInit fromName(String name) {
        return ConfigChecks.oneOf("additive_init", name, AdditiveInit.class);
    }

    /** Comma-separated config names, for messages. */
    public static String validNames() {
        return ConfigChecks.names(AdditiveInit.class);
    }

    /** A projection {@code [in, hidden]} ({@code Wq} or {@code Wk}) named {@code name}. */
    SDVariable projection(SameDiff sd, String name, long in, int hidden, ParamInit init) {
        return this == XAVIER ? init.xavier(sd, name, in, hidden, in, hidden)
                : init.normal(sd, name, BAHDANAU_STD, in, hidden);
    }

    /** The output vector {@code v [hidden, 1]} named {@code name}. */
    SDVariable output(SameDiff sd, String name, int hidden, ParamInit init) {
        return this == XAVIER ? init.xavier(sd, name, hidden, 1, hidden, 1) : init.constant(sd, name, 0.0, hidden, 1);
    }
}
