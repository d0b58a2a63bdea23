package org.attnlab.cli;

import java.util.Map;

/** Environment checks that must run before ND4J loads its native library (a bad value crashes the JVM there). */
final class RuntimeChecks {
    private RuntimeChecks() {
    }

    /** Why {@code OMP_NUM_THREADS} in {@code env} is unusable, or null when it is unset or a sensible count. */
    static String ompProblem(Map<String, String> env) {
        String v = env.get("OMP_NUM_THREADS");
        if (v == null) {
            return null;
        }
        if (!v.matches("\\d{1,4}") || Integer.parseInt(v) < 1 || Integer.parseInt(v) > 1024) {
            return "OMP_NUM_THREADS must be a whole number of threads from 1 to 1024, was '"
                    + org.attnlab.config.Excerpt.of(v) + "'";
        }
        return null;
    }
}
