package org.attnlab.experiments.report;

import java.util.List;

/**
 * The content of an experiment report.
 *
 * @param experiment experiment name
 * @param title      the report's heading
 * @param notes      lines of text under the title
 * @param tables     tables in order
 * @param figures    PNG files (relative to the report) with captions
 * @param methods    paragraphs saying how every number was computed
 */
public record Report(String experiment, String title, List<String> notes, List<Table> tables, List<Figure> figures,
                     List<String> methods) {
    /** An image and its caption. */
    public record Figure(String caption, String file) {
    }
}
