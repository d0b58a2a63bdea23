package org.attnlab.experiments.report;

import java.util.List;

/**
 * A titled table of text cells, rendered as Markdown or HTML.
 *
 * @param title   section title
 * @param headers column headers
 * @param rows    rows of cells, each as long as {@code headers}
 * @param notes   paragraphs printed under the table
 */
public record Table(String title, List<String> headers, List<List<String>> rows, List<String> notes) {
    /** A table without notes. */
    public Table(String title, List<String> headers, List<List<String>> rows) {
        this(title, headers, rows, List.of());
    }
}
