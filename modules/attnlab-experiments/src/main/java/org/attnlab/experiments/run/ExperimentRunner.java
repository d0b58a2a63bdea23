package org.attnlab.experiments.run;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.attnlab.experiments.store.ResultsStore;
import org.attnlab.experiments.store.RunDirectory;
import org.attnlab.experiments.store.RunSummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs every run of an experiment; completed runs are skipped, interrupted ones resume, a failure does not stop the rest. */
public final class ExperimentRunner {
    private static final Logger LOG = LoggerFactory.getLogger(ExperimentRunner.class);
    private final Path resultsRoot;
    private final ResultsStore store;
    private final RunProgress progress;

    public ExperimentRunner(Path resultsRoot, ResultsStore store, RunProgress progress) {
        this.resultsRoot = resultsRoot;
        this.store = store;
        this.progress = progress;
    }

    /** Runs {@code runs} in order and returns their summaries. */
    public List<RunSummary> runAll(List<RunSpec> runs) {
        return LibraryChatter.suppressed(() -> runEach(runs));
    }

    private List<RunSummary> runEach(List<RunSpec> runs) {
        Trainer trainer = new Trainer(store, progress);
        List<RunSummary> out = new ArrayList<>();
        for (RunSpec spec : runs) {
            RunSummary known = store.run(spec.runId());
            if (known != null && RunSummary.COMPLETED.equals(known.status())) {
                LOG.info("{}: already completed, skipped", spec.runId());
                out.add(known);
                continue;
            }
            RunDirectory dir = new RunDirectory(directory(spec));
            try {
                out.add(trainer.run(spec, dir));
            } catch (RuntimeException e) {
                LOG.error("{}: failed", spec.runId(), e);
                RunSummary failed = RunSummary.started(spec.runId(), spec.experiment(), spec.variant().name(),
                        spec.seed(), 0).failed(String.valueOf(e), 0);
                store.putRun(failed);
                out.add(failed);
            }
        }
        return out;
    }

    /** The folder of a run. */
    public Path directory(RunSpec spec) {
        return resultsRoot.resolve(spec.experiment()).resolve(spec.runId());
    }
}
