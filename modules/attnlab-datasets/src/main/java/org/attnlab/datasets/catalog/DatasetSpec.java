package org.attnlab.datasets.catalog;

import java.util.List;

/**
 * A catalogue entry: what a dataset is, its licence and citation, where it comes from and the checksums of its files.
 */
public record DatasetSpec(String name,
                          String description,
                          String licence,
                          String citation,
                          String upstream,
                          SourceSpec source,
                          List<FileSpec> files) {
}
