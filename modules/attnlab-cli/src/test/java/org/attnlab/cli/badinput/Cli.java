package org.attnlab.cli.badinput;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.attnlab.cli.AttnLabAccess;

/** Runs {@code attnlab} in this JVM and checks that a bad input ends in one clean line and the expected exit code. */
final class Cli {
    /** What a command printed and returned. */
    record Result(int code, String out, String err) {
    }

    private Cli() {
    }

    static Result run(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = AttnLabAccess.execute(new PrintWriter(out), new PrintWriter(err), env, args);
        return new Result(code, out.toString(), err.toString());
    }

    static Result run(String... args) {
        return run(Map.of(), args);
    }

    /** Exit code {@code code}; standard error is one line holding {@code fragment}, no Java class or stack frame. */
    static void assertClean(Result r, int code, String fragment) {
        String err = r.err().strip();
        String all = "exit " + r.code() + "\nstderr:\n" + r.err() + "\nstdout:\n" + r.out();
        assertEquals(code, r.code(), all);
        assertEquals(1, err.lines().count(), "one line on stderr\n" + all);
        assertTrue(err.contains(fragment), "expected '" + fragment + "'\n" + all);
        for (String bad : new String[]{"Exception", "at org.", "at java.", "\tat "}) {
            assertFalse(r.err().contains(bad) || r.out().contains(bad), "'" + bad + "' printed\n" + all);
        }
    }
}
