package org.attnlab.cli.experiments;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.attnlab.experiments.config.Names;
import org.attnlab.experiments.report.ReportWriter;
import org.attnlab.experiments.store.ResultsStore;
import org.attnlab.experiments.store.RunSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code attnlab report EXPERIMENT}: Markdown and HTML report with statistics over seeds and learning curves. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Write report.md, report.html and learning-curve PNGs for an experiment's recorded runs.")
public final class ReportCommand implements Callable<Integer> {
    @Parameters(paramLabel = "EXPERIMENT", description = "Experiment name (as in 'attnlab list').")
    String experiment;

    @Mixin
    ResultsOptions results;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (!Names.isSafe(experiment)) {
            spec.commandLine().getErr().println("error: EXPERIMENT " + Names.RULE);
            return 2;
        }
        results.experimentDir(experiment);
        try (ResultsStore store = results.openExisting()) {
            Path dir = ReportWriter.write(store, results.dir(), experiment);
            spec.commandLine().getOut().println("wrote " + dir.resolve("report.md") + " and " + dir.resolve("report.html"));
            if (store.runs(experiment).stream().noneMatch(r -> RunSummary.COMPLETED.equals(r.status()))) {
                spec.commandLine().getErr().println("error: no run of " + experiment + " has completed; the report "
                        + "lists only what failed or is unfinished");
                return 1;
            }
            return 0;
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("error: " + e.getMessage());
            return 2;
        }
    }
}
