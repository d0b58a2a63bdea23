package org.attnlab.datasets.fetch;

import org.apache.commons.compress.archivers.ArchiveEntry;
import org.apache.commons.compress.archivers.ar.ArArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.CompressorException;
import org.apache.commons.compress.compressors.CompressorStreamFactory;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.Predicate;

/**
 * Unpacks the regular files below one folder of a Debian package (.deb: an ar archive holding
 * {@code data.tar.*}) or of a compressed tarball such as an npm .tgz.
 */
public final class ArchiveUnpacker {

    /**
     * Extracts each regular file found under {@code root} in {@code archive} whose path relative to
     * {@code root} passes {@code keep}, to {@code dest/RELATIVE}.
     *
     * @return number of files written
     */
    public int unpack(Path archive, String root, Predicate<String> keep, Path dest) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(archive))) {
            if (archive.getFileName().toString().endsWith(".deb")) {
                return unpackDeb(archive, in, root, keep, dest);
            }
            return unpackTar(decompress(archive, in), root, keep, dest);
        }
    }

    private int unpackDeb(Path archive, InputStream in, String root, Predicate<String> keep, Path dest)
            throws IOException {
        ArArchiveInputStream ar = new ArArchiveInputStream(in);
        for (ArchiveEntry entry = ar.getNextEntry(); entry != null; entry = ar.getNextEntry()) {
            if (entry.getName().startsWith("data.tar")) {
                InputStream data = new BufferedInputStream(ar);
                return unpackTar(entry.getName().equals("data.tar") ? data : decompress(archive, data), root, keep, dest);
            }
        }
        throw new IOException(archive + ": no data.tar member, not a Debian package");
    }

    private static InputStream decompress(Path archive, InputStream in) throws IOException {
        try {
            return new CompressorStreamFactory().createCompressorInputStream(in);
        } catch (CompressorException e) {
            throw new IOException(archive + ": unknown or corrupt compression", e);
        }
    }

    private static int unpackTar(InputStream in, String root, Predicate<String> keep, Path dest) throws IOException {
        String prefix = root.isEmpty() || root.endsWith("/") ? root : root + "/";
        TarArchiveInputStream tar = new TarArchiveInputStream(in);
        Path base = dest.toAbsolutePath().normalize();
        int written = 0;
        for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
            String name = entry.getName().startsWith("./") ? entry.getName().substring(2) : entry.getName();
            if (!entry.isFile() || !name.startsWith(prefix)) {
                continue;
            }
            String relative = name.substring(prefix.length());
            Path target = base.resolve(relative).normalize();
            if (!target.startsWith(base)) {
                throw new IOException("archive entry escapes the target folder: " + entry.getName());
            }
            if (keep.test(relative)) {
                Files.createDirectories(target.getParent());
                Files.copy(tar, target, StandardCopyOption.REPLACE_EXISTING);
                written++;
            }
        }
        return written;
    }
}
