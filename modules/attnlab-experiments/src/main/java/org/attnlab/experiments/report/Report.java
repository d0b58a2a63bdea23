package org.attnlab.experiments.report;

import java.util.List;

/**
 * The content of an experiment report.
 *
 * @param experiment experiment name
 * @param notes      lines of text under the title
 * @param tables     tables in order
 * @param figures    PNG files (relative to the report) with captions
 */
public record Report(String experiment, List<String> notes, List<Table> tables, List<Figure> figures) {
    /** An image and its caption. */
    public record Figure(String caption, String file) {
    }
}
