package org.attnlab.bench.measure;

/** Plain C code heavy on the processor's front end (frontend.c, loaded from -Dfrontend.lib), called through JNI. */
final class FrontEnd {
    static {
        System.load(System.getProperty("frontend.lib"));
    }

    private static long sink;

    private static native long run(int calls);

    /** {@code times} x 1000 calls of the library's small functions. */
    static void run1000(int times) {
        sink += run(times * 1000);
    }
}
