package org.attnlab.datasets.fetch;

import org.attnlab.datasets.catalog.SourceSpec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Downloads packages with the ordinary clients, as configured on this machine:
 * {@code apt-get download NAME=VERSION} for Debian and {@code npm pack NAME@VERSION} for npm.
 */
public final class CommandLineDownloader implements PackageDownloader {

    private static final String LOG = "client.log";

    @Override
    public Path download(SourceSpec source, Path dir) throws IOException {
        List<String> command = command(source);
        Path log = dir.resolve(LOG);
        Process process = new ProcessBuilder(command).directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        int exit;
        try {
            exit = process.waitFor();
        } catch (InterruptedException e) {
            process.destroy();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running " + String.join(" ", command), e);
        }
        if (exit != 0) {
            throw new IOException(String.join(" ", command) + " failed with exit code " + exit + ":\n"
                    + Files.readString(log).strip());
        }
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> downloaded = files.filter(f -> !f.getFileName().toString().equals(LOG)).toList();
            if (downloaded.size() != 1) {
                throw new IOException(String.join(" ", command) + " left " + downloaded.size()
                        + " files instead of one package: " + downloaded);
            }
            return downloaded.get(0);
        }
    }

    static List<String> command(SourceSpec source) {
        return switch (source.kind()) {
            case DEBIAN -> List.of("apt-get", "download", source.packageName() + "=" + source.version());
            case NPM -> List.of("npm", "pack", "--silent", source.packageName() + "@" + source.version());
            case URL -> throw new IllegalArgumentException("not a package source: " + source.describe());
        };
    }
}
