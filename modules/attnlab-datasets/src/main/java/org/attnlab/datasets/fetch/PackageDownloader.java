package org.attnlab.datasets.fetch;

import org.attnlab.datasets.catalog.SourceSpec;

import java.io.IOException;
import java.nio.file.Path;

/** Downloads one package file (a .deb or an npm .tgz) into an empty folder and returns its path. */
@FunctionalInterface
public interface PackageDownloader {

    /** Downloads {@code source} into the empty folder {@code dir}. */
    Path download(SourceSpec source, Path dir) throws IOException;
}
