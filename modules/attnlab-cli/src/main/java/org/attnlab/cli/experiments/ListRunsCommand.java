package org.attnlab.cli.experiments;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.attnlab.experiments.report.ExperimentRecord;
import org.attnlab.experiments.report.Flag;
import org.attnlab.experiments.report.MarkdownRenderer;
import org.attnlab.experiments.report.RunRecord;
import org.attnlab.experiments.report.Table;
import org.attnlab.experiments.store.ResultsStore;
import org.attnlab.experiments.store.RunSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code attnlab list [EXPERIMENT]}: the recorded runs with status, test accuracy and computed flags. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List recorded runs (all experiments or one).")
public final class ListRunsCommand implements Callable<Integer> {
    /** Status shown for a run whose process is gone before it ended. */
    static final String INTERRUPTED = "interrupted";

    @Parameters(paramLabel = "EXPERIMENT", arity = "0..1", description = "Only this experiment.")
    String experiment;

    @Mixin
    ResultsOptions results;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (ResultsStore store = results.openExisting()) {
            List<List<String>> rows = store.runs(experiment).stream().map(r -> List.of(r.experiment(), r.runId(),
                    status(store, r), Long.toString(r.steps()), String.format(Locale.ROOT, "%.3f", r.testTokenAcc()),
                    String.format(Locale.ROOT, "%.3f", r.testSeqAcc()), flags(store, r), r.reason())).toList();
            spec.commandLine().getOut().print(MarkdownRenderer.table(new Table("runs", List.of("experiment", "run",
                    "status", "steps", "token acc", "seq acc", "flags", "reason"), rows)));
            return 0;
        }
    }

    /**
     * The run's status; a run recorded as running that no live process holds says {@value #INTERRUPTED} (its process
     * was killed: the next {@code attnlab run} of its file resumes it).
     */
    private static String status(ResultsStore store, RunSummary r) {
        return RunSummary.RUNNING.equals(r.status()) && !store.claims().heldByOther(r.runId()) ? INTERRUPTED : r.status();
    }

    /** Computed flags of a completed run (see {@link Flag}); empty for others. */
    private String flags(ResultsStore store, RunSummary r) {
        if (!RunSummary.COMPLETED.equals(r.status())) {
            return "";
        }
        Path dir = results.dir().resolve(r.experiment());
        double fraction = ExperimentRecord.read(dir, r.experiment()).settings().convergence();
        return Flag.labels(Flag.ofRun(RunRecord.load(store, dir, r), fraction));
    }
}
