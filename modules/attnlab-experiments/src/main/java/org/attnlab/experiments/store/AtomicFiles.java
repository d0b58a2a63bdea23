package org.attnlab.experiments.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import org.attnlab.config.Excerpt;

/** Crash-safe file writes: a temp file in the same folder, synced, then moved over the target atomically. */
public final class AtomicFiles {
    /** Suffix of files being written; leftovers are from a run killed mid-write. */
    public static final String TEMP_SUFFIX = ".tmp";

    private AtomicFiles() {
    }

    /** Replaces {@code target} with {@code text} (UTF-8) so that readers see the old or the new file, never a part. */
    public static void writeString(Path target, String text) {
        write(target, tmp -> Files.writeString(tmp, text, StandardCharsets.UTF_8));
    }

    /**
     * Replaces {@code target} with what {@code writer} writes to a temp path. Each call has its own temp file, so
     * processes writing the same target at once each leave a whole file (the last move wins).
     */
    public static void write(Path target, Writer writer) {
        Path tmp = null;
        try {
            Path dir = target.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", TEMP_SUFFIX);
            writer.writeTo(tmp);
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + reason(e), e);
        } finally {
            try {
                if (tmp != null) {
                    Files.deleteIfExists(tmp);
                }
            } catch (IOException ignored) {
                // best effort: a leftover temp file is removed by the next removeLeftovers
            }
        }
    }

    /** Why a write failed, in a few words (e.g. "No space left on device"), without the path again. */
    private static String reason(IOException e) {
        String why = e instanceof FileSystemException f ? f.getReason() : e.getMessage();
        return why == null ? e.getClass().getSimpleName() : Excerpt.line(why, 120);
    }

    /** Deletes temp files left in {@code dir} by a writer that was killed; returns how many. */
    public static int removeLeftovers(Path dir) {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        int n = 0;
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, "*" + TEMP_SUFFIX)) {
            for (Path p : s) {
                Files.delete(p);
                n++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clean " + dir, e);
        }
        return n;
    }

    /** Writes the content of a file to the given path. */
    @FunctionalInterface
    public interface Writer {
        void writeTo(Path path) throws IOException;
    }
}
