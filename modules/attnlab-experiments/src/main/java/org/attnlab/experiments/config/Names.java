package org.attnlab.experiments.config;

import java.util.regex.Pattern;

/**
 * Names that become folder and file names (experiment, variant, sweep): 1 to 64 letters, digits, '.', '_' or '-',
 * starting with a letter or digit, so that no name can climb out of the results folder ({@code ..}) or be hidden.
 */
public final class Names {
    /** The rule, as said in error messages. */
    public static final String RULE = "must be 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit";
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private Names() {
    }

    /** True when {@code name} follows {@link #RULE}. */
    public static boolean isSafe(String name) {
        return name != null && SAFE.matcher(name).matches();
    }
}
