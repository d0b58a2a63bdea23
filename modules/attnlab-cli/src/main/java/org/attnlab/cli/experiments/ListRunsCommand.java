package org.attnlab.cli.experiments;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.attnlab.experiments.report.MarkdownRenderer;
import org.attnlab.experiments.report.Table;
import org.attnlab.experiments.store.ResultsStore;
import org.attnlab.experiments.store.RunSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code attnlab list [EXPERIMENT]}: the recorded runs with status and test accuracy. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List recorded runs (all experiments or one).")
public final class ListRunsCommand implements Callable<Integer> {
    @Parameters(paramLabel = "EXPERIMENT", arity = "0..1", description = "Only this experiment.")
    String experiment;

    @Mixin
    ResultsOptions results;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (ResultsStore store = results.open()) {
            List<List<String>> rows = store.runs(experiment).stream().map(r -> List.of(r.experiment(), r.runId(),
                    r.status(), Long.toString(r.steps()), String.format(Locale.ROOT, "%.3f", r.testTokenAcc()),
                    String.format(Locale.ROOT, "%.3f", r.testSeqAcc()), r.reason())).toList();
            spec.commandLine().getOut().print(MarkdownRenderer.table(new Table("runs", List.of("experiment", "run", "status", "steps",
                    "token acc", "seq acc", "reason"), rows)));
            return 0;
        }
    }
}
