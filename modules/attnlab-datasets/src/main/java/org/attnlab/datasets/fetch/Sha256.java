package org.attnlab.datasets.fetch;

import org.apache.commons.codec.digest.DigestUtils;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/** SHA-256 of texts, files and folders (AttnLab's one checksum helper), and checks against expected values. */
public final class Sha256 {

    private Sha256() {
    }

    /** Hex SHA-256 of a text's UTF-8 bytes (e.g. the canonical form of a config, for run ids). */
    public static String ofText(String text) {
        return DigestUtils.sha256Hex(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Hex SHA-256 of a file's bytes. */
    public static String ofFile(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return DigestUtils.sha256Hex(in);
        }
    }

    /**
     * Hex SHA-256 of a folder: the digest of its {@code sha256sum} listing, one line
     * {@code HEX  ./RELATIVE/PATH} per regular file in byte order of the paths, as produced by
     * {@code (cd DIR && find . -type f | LC_ALL=C sort | xargs sha256sum | sha256sum)}.
     */
    public static String ofTree(Path dir) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        List<String> names = files.stream().map(f -> "./" + dir.relativize(f).toString().replace('\\', '/'))
                .sorted((a, b) -> Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8)))
                .toList();
        StringBuilder listing = new StringBuilder();
        for (String name : names) {
            listing.append(ofFile(dir.resolve(name.substring(2)))).append("  ").append(name).append('\n');
        }
        return DigestUtils.sha256Hex(listing.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Hex SHA-256 of {@code path}: a folder digest when {@code directory}, else the file digest. */
    public static String of(Path path, boolean directory) throws IOException {
        if (directory ? !Files.isDirectory(path) : !Files.isRegularFile(path)) {
            throw new NoSuchFileException(path.toString(), null, "expected " + (directory ? "folder" : "file") + " is missing");
        }
        return directory ? ofTree(path) : ofFile(path);
    }

    /** Throws {@link ChecksumMismatchException} naming {@code path} unless its digest is {@code expected}. */
    public static void check(Path path, boolean directory, String expected) throws IOException {
        String actual = of(path, directory);
        if (!actual.equalsIgnoreCase(expected)) {
            throw new ChecksumMismatchException(path, expected, actual);
        }
    }
}
