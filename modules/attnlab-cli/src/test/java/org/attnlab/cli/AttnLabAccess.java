package org.attnlab.cli;

import java.io.PrintWriter;
import java.util.Map;

/** Lets tests in other packages run the {@code attnlab} entry point in this JVM. */
public final class AttnLabAccess {
    private AttnLabAccess() {
    }

    public static int execute(PrintWriter out, PrintWriter err, Map<String, String> env, String... args) {
        return AttnLab.execute(out, err, env, args);
    }
}
