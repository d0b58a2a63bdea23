package org.attnlab.datasets.fetch;

import org.attnlab.datasets.catalog.DatasetSpec;
import org.attnlab.datasets.catalog.FileSpec;
import org.attnlab.datasets.catalog.SourceKind;
import org.attnlab.datasets.catalog.SourceSpec;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Obtains a dataset's listed files from its source into a folder: downloads and unpacks a package,
 * or fetches each file over HTTPS. Checks the package file's SHA-256 when the catalogue gives one.
 */
public final class SourceFetcher {

    private final PackageDownloader packages;
    private final HttpsDownloader https;
    private final ArchiveUnpacker unpacker = new ArchiveUnpacker();

    /** Uses the given package downloader (tests pass a fake one) and plain HTTPS for URL sources. */
    public SourceFetcher(PackageDownloader packages, HttpsDownloader https) {
        this.packages = packages;
        this.https = https;
    }

    /** The package clients of this machine ({@code apt-get}, {@code npm}) and plain HTTPS. */
    public static SourceFetcher standard() {
        return new SourceFetcher(new CommandLineDownloader(), new HttpsDownloader());
    }

    /**
     * Puts every file of {@code spec} under {@code out} at its catalogue path, using {@code work} as scratch space.
     */
    public void fetch(DatasetSpec spec, Path work, Path out, Consumer<String> progress) throws IOException {
        SourceSpec source = spec.source();
        Files.createDirectories(work);
        Files.createDirectories(out);
        if (source.kind() == SourceKind.URL) {
            for (FileSpec file : spec.files()) {
                if (file.isDirectory()) {
                    throw new IOException(spec.name() + ": folder entries need a package source: " + file.path());
                }
                URI uri = URI.create(source.url().replaceAll("/+$", "") + "/" + file.path());
                progress.accept("fetching " + uri);
                https.download(uri, out.resolve(file.path()));
            }
            return;
        }
        progress.accept("downloading " + source.describe());
        Path archive = packages.download(source, work);
        progress.accept(String.format("downloaded %s (%,d bytes)", archive.getFileName(), Files.size(archive)));
        if (source.sha256() != null) {
            Sha256.check(archive, false, source.sha256());
        }
        int count = unpacker.unpack(archive, source.root() == null ? "" : source.root(),
                relative -> isListed(spec, relative), out);
        progress.accept(String.format("unpacked %,d files", count));
    }

    private static boolean isListed(DatasetSpec spec, String relative) {
        return spec.files().stream().anyMatch(f -> f.isDirectory() ? relative.startsWith(f.path()) : relative.equals(f.path()));
    }
}
