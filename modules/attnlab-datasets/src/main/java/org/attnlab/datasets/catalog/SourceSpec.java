package org.attnlab.datasets.catalog;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Where a dataset comes from.
 *
 * @param kind        package client or plain HTTPS
 * @param packageName package name (Debian / npm), null for {@link SourceKind#URL}
 * @param version     exact package version, null for {@link SourceKind#URL}
 * @param sha256      SHA-256 of the downloaded package file, or null
 * @param root        folder inside the unpacked package holding the listed files ("" for the top)
 * @param url         HTTPS base URL for {@link SourceKind#URL}, else null
 */
public record SourceSpec(SourceKind kind,
                         @JsonProperty("package") String packageName,
                         String version,
                         String sha256,
                         String root,
                         String url) {

    /** Human-readable origin, e.g. {@code debian sword-text-kjv=14.3-1}. */
    public String describe() {
        return switch (kind) {
            case DEBIAN -> "debian " + packageName + "=" + version;
            case NPM -> "npm " + packageName + "@" + version;
            case URL -> url;
        };
    }
}
