package org.attnlab.datasets.catalog;

/**
 * One file (or folder, when the path ends in "/") that a dataset uses, with its SHA-256.
 * A folder's checksum is the SHA-256 of its {@code sha256sum} listing (see {@code datasets/catalog.yaml}).
 */
public record FileSpec(String path, String sha256) {

    /** True when this entry names a whole folder. */
    public boolean isDirectory() {
        return path.endsWith("/");
    }
}
