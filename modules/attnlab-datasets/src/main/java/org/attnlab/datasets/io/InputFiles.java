package org.attnlab.datasets.io;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Files named by a user (configs, data files): read only when they are regular files under a size limit, so a FIFO,
 * a device such as {@code /dev/zero}, a folder or a huge file is refused up front instead of hanging or filling the
 * heap. Problems are {@link BadInputFileException}s with a one-line message naming the file and never its content.
 */
public final class InputFiles {
    /** Largest config file read (experiment and sweep YAML). */
    public static final long CONFIG_LIMIT = 1L << 20;
    /** Largest data file read (a text corpus, a compressed IDX file). */
    public static final long DATA_LIMIT = 1L << 30;

    private InputFiles() {
    }

    /** Checks that {@code file} is a readable regular file of at most {@code limit} bytes; returns its size. */
    public static long requireRegular(Path file, long limit) throws BadInputFileException {
        if (!Files.exists(file)) {
            throw new BadInputFileException(file, "no such file");
        }
        if (!Files.isRegularFile(file)) {
            throw new BadInputFileException(file, Files.isDirectory(file) ? "is a folder, not a file"
                    : "is not a regular file (a device, pipe or socket)");
        }
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new BadInputFileException(file, "cannot read its size");
        }
        if (size > limit) {
            throw new BadInputFileException(file, "is " + size + " bytes, more than the limit of " + limit);
        }
        if (!Files.isReadable(file)) {
            throw new BadInputFileException(file, "permission denied");
        }
        return size;
    }

    /** The UTF-8 text of {@code file} after {@link #requireRegular}. */
    public static String readString(Path file, long limit) throws BadInputFileException {
        requireRegular(file, limit);
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            throw new BadInputFileException(file, "is not UTF-8 text");
        } catch (AccessDeniedException e) {
            throw new BadInputFileException(file, "permission denied");
        } catch (NoSuchFileException e) {
            throw new BadInputFileException(file, "no such file");
        } catch (IOException e) {
            throw new BadInputFileException(file, "cannot read: " + e.getClass().getSimpleName());
        }
    }
}
