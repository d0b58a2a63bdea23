package org.attnlab.experiments.report;

import java.nio.file.Path;
import org.attnlab.experiments.store.AtomicFiles;
import org.attnlab.experiments.store.ResultsStore;

/**
 * Writes {@code <results>/<experiment>/report/report.md}, {@code report.html}, the PNGs, {@code per-seed.csv} and
 * {@code validation-curves.csv}.
 */
public final class ReportWriter {
    private ReportWriter() {
    }

    /** Builds and writes the report; returns the report folder. */
    public static Path write(ResultsStore store, Path resultsRoot, String experiment) {
        Path dir = resultsRoot.resolve(experiment).resolve("report");
        Report report = new ReportBuilder(store).build(experiment, resultsRoot.resolve(experiment), dir);
        AtomicFiles.writeString(dir.resolve("report.md"), MarkdownRenderer.render(report));
        AtomicFiles.writeString(dir.resolve("report.html"), HtmlRenderer.render(report));
        return dir;
    }
}
