package org.attnlab.models.attention;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.attnlab.models.init.ParamInit;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * Initial values of the additive score's parameters {@code <name>/score/Wq [dq, h]}, {@code Wk [dk, h]} and
 * {@code v [h, 1]} (see {@link ScoreFunction#ADDITIVE}). The graph is the same for every choice.
 */
public enum AdditiveInit {
    /** Xavier-uniform {@code Wq}, {@code Wk} and {@code v} (AttnLab's default). */
    XAVIER("xavier"),
    /**
     * As Bahdanau et al. (2015, appendix B.1): {@code Wq}, {@code Wk} from Normal(0, {@value #BAHDANAU_STD}^2) and
     * {@code v} zero, so every score starts at 0 (uniform weights) and {@code v} learns first.
     */
    BAHDANAU("bahdanau");

    /** Standard deviation of Bahdanau et al.'s {@code W_a}, {@code U_a}. */
    public static final double BAHDANAU_STD = 0.001;

    private final String configName;

    AdditiveInit(String configName) {
        this.configName = configName;
    }

    /** The name used in configs. */
    public String configName() {
        return configName;
    }

    /** Looks a choice up by its config name; unknown names list the valid ones. */
    public static AdditiveInit fromName(String name) {
        String key = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        for (AdditiveInit i : values()) {
            if (i.configName.equals(key)) {
                return i;
            }
        }
        throw new IllegalArgumentException("additiveInit = " + name + " is not valid: valid names are "
                + validNames());
    }

    /** Comma-separated config names, for messages. */
    public static String validNames() {
        return Arrays.stream(values()).map(AdditiveInit::configName).collect(Collectors.joining(", "));
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
