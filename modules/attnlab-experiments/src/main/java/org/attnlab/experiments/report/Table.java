package org.attnlab.experiments.report;

import java.util.List;

/**
 * A titled table of text cells, rendered as Markdown or HTML.
 *
 * @param title   section title
 * @param headers column headers
 * @param rows    rows of cells, each as long as {@code headers}
 */
public record Table(String title, List<String> headers, List<List<String>> rows) {
}
