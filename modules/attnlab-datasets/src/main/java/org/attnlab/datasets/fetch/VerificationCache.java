package org.attnlab.datasets.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;
import java.util.stream.Stream;
import org.attnlab.datasets.catalog.DatasetSpec;
import org.attnlab.datasets.catalog.FileSpec;

/**
 * Checksums of a cached dataset, re-checked before every use but only when a file changed: the size and modification
 * time of each catalogue entry verified last time are kept in {@code ROOT/.verified-NAME.properties}; an entry whose
 * size or time differs (or that was never verified) is hashed again against the catalogue.
 */
final class VerificationCache {
    private final Path root;

    VerificationCache(Path root) {
        this.root = root;
    }

    /** Verifies the files of {@code spec} in {@code dir}; throws {@link ChecksumMismatchException} on a mismatch. */
    void verify(DatasetSpec spec, Path dir) throws IOException {
        Path record = root.resolve(".verified-" + spec.name() + ".properties");
        Properties known = load(record);
        Properties now = new Properties();
        for (FileSpec file : spec.files()) {
            Path path = dir.resolve(file.path());
            String stamp = stamp(path, file.isDirectory());
            if (!(file.sha256() + " " + stamp).equals(known.getProperty(file.path()))) {
                Sha256.check(path, file.isDirectory(), file.sha256());
            }
            now.setProperty(file.path(), file.sha256() + " " + stamp);
        }
        if (!now.equals(known)) {
            save(record, now);
        }
    }

    /** Size and modification time of a file, or of every regular file under a folder. */
    private static String stamp(Path path, boolean directory) throws IOException {
        if (!directory) {
            return Files.isRegularFile(path) ? Files.size(path) + ":" + Files.getLastModifiedTime(path).toMillis() : "missing";
        }
        if (!Files.isDirectory(path)) {
            return "missing";
        }
        long count = 0;
        long size = 0;
        long newest = 0;
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path f : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                count++;
                size += Files.size(f);
                newest = Math.max(newest, Files.getLastModifiedTime(f).toMillis());
            }
        }
        return count + "/" + size + ":" + newest + ":" + Files.getLastModifiedTime(path).toMillis();
    }

    private static Properties load(Path record) throws IOException {
        Properties p = new Properties();
        if (Files.isRegularFile(record)) {
            try (InputStream in = Files.newInputStream(record)) {
                p.load(in);
            }
        }
        return p;
    }

    private static void save(Path record, Properties p) throws IOException {
        Path tmp = Files.createTempFile(record.toAbsolutePath().getParent(), "." + record.getFileName() + ".", ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                p.store(out, "size:mtime of catalogue entries whose SHA-256 matched");
            }
            Files.move(tmp, record, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
