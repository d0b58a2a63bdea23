package org.attnlab.datasets.fetch;

import org.apache.commons.compress.archivers.ar.ArArchiveEntry;
import org.apache.commons.compress.archivers.ar.ArArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorOutputStream;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Writes tiny Debian packages and npm-style tarballs for tests. */
final class FixtureArchives {

    private FixtureArchives() {
    }

    /** A .deb whose data.tar.xz holds {@code files} (path -> text) under "./". */
    static Path deb(Path target, Map<String, String> files) throws IOException {
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        try (OutputStream xz = new XZCompressorOutputStream(data)) {
            writeTar(xz, files, "./");
        }
        ByteArrayOutputStream control = new ByteArrayOutputStream();
        try (OutputStream xz = new XZCompressorOutputStream(control)) {
            writeTar(xz, Map.of("control", "Package: fixture\n"), "./");
        }
        try (ArArchiveOutputStream ar = new ArArchiveOutputStream(Files.newOutputStream(target))) {
            addAr(ar, "debian-binary", "2.0\n".getBytes(StandardCharsets.US_ASCII));
            addAr(ar, "control.tar.xz", control.toByteArray());
            addAr(ar, "data.tar.xz", data.toByteArray());
        }
        return target;
    }

    /** A gzip tarball holding {@code files} (path -> text). */
    static Path tgz(Path target, Map<String, String> files) throws IOException {
        try (OutputStream gz = new GzipCompressorOutputStream(Files.newOutputStream(target))) {
            writeTar(gz, files, "");
        }
        return target;
    }

    private static void writeTar(OutputStream out, Map<String, String> files, String prefix) throws IOException {
        TarArchiveOutputStream tar = new TarArchiveOutputStream(out);
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        for (Map.Entry<String, String> f : files.entrySet()) {
            byte[] bytes = f.getValue().getBytes(StandardCharsets.UTF_8);
            TarArchiveEntry entry = new TarArchiveEntry(prefix + f.getKey());
            entry.setSize(bytes.length);
            tar.putArchiveEntry(entry);
            tar.write(bytes);
            tar.closeArchiveEntry();
        }
        tar.finish();
    }

    private static void addAr(ArArchiveOutputStream ar, String name, byte[] bytes) throws IOException {
        ar.putArchiveEntry(new ArArchiveEntry(name, bytes.length));
        ar.write(bytes);
        ar.closeArchiveEntry();
    }
}
