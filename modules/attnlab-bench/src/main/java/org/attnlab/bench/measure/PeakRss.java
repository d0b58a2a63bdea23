package org.attnlab.bench.measure;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * This process's peak resident set size, {@code VmHWM} in {@code /proc/self/status} (Linux). It is the peak of the
 * whole process (JVM heap, native ND4J buffers, code) since start or since the last {@link #reset}.
 */
public final class PeakRss {
    private static final Path STATUS = Path.of("/proc/self/status");
    private static final Path CLEAR_REFS = Path.of("/proc/self/clear_refs");

    private PeakRss() {
    }

    /** Peak RSS in bytes, or -1 where {@code /proc/self/status} has no {@code VmHWM} line. */
    public static long bytes() {
        try {
            for (String line : Files.readAllLines(STATUS, StandardCharsets.US_ASCII)) {
                if (line.startsWith("VmHWM:")) {
                    String[] parts = line.substring(6).trim().split("\\s+");
                    return Long.parseLong(parts[0]) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    /**
     * Resets the peak to the current RSS (writes {@code 5} to {@code /proc/self/clear_refs}, Linux 4.0+), so that the
     * next reading is the peak of what ran in between. Returns false where the kernel does not allow it; the peak
     * then stays the process peak since start.
     */
    public static boolean reset() {
        try {
            Files.writeString(CLEAR_REFS, "5");
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
