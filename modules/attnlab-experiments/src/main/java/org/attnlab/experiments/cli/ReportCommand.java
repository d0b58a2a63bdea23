package org.attnlab.experiments.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.attnlab.experiments.report.ReportWriter;
import org.attnlab.experiments.store.ResultsStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code attnlab report EXPERIMENT}: Markdown and HTML report with statistics over seeds and learning curves. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Write report.md, report.html and learning-curve PNGs for an experiment's recorded runs.")
public final class ReportCommand implements Callable<Integer> {
    @Parameters(paramLabel = "EXPERIMENT", description = "Experiment name (as in 'attnlab list').")
    String experiment;

    @Mixin
    ResultsOptions results;

    @Override
    public Integer call() {
        try (ResultsStore store = results.open()) {
            Path dir = ReportWriter.write(store, results.dir(), experiment);
            System.out.println("wrote " + dir.resolve("report.md") + " and " + dir.resolve("report.html"));
            return 0;
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            return 2;
        }
    }
}
