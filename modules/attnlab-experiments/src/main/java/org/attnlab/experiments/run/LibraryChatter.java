package org.attnlab.experiments.run;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * Drops the lines SameDiff M2.1 prints with {@code System.out.println} while it builds a gradient function
 * ("Added differentiated op ..." for every op of every model); other lines pass through.
 */
public final class LibraryChatter extends OutputStream {
    private static final String PREFIX = "Added differentiated op ";
    private final PrintStream target;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    private LibraryChatter(PrintStream target) {
        this.target = target;
    }

    /** Runs {@code work} with that chatter removed from standard output. */
    public static <T> T suppressed(Supplier<T> work) {
        PrintStream original = System.out;
        System.setOut(new PrintStream(new LibraryChatter(original), true, StandardCharsets.UTF_8));
        try {
            return work.get();
        } finally {
            System.out.flush();
            System.setOut(original);
        }
    }

    @Override
    public synchronized void write(int b) {
        if (b == '\n') {
            String s = line.toString(StandardCharsets.UTF_8);
            line.reset();
            if (!s.startsWith(PREFIX)) {
                target.println(s);
            }
        } else {
            line.write(b);
        }
    }

    /** Partial lines wait for their newline (to be judged whole); what passed is flushed. */
    @Override
    public void flush() {
        target.flush();
    }
}
