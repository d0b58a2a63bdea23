package org.attnlab.experiments.run;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.attnlab.config.Excerpt;
import org.attnlab.datasets.fetch.Sha256;
import org.attnlab.experiments.store.ResultsStore;
import org.attnlab.experiments.store.RunDirectory;
import org.attnlab.experiments.store.RunSummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs every run of an experiment; completed runs are skipped, interrupted ones resume, a failure does not stop the rest.
 * A run that another live process is training (see {@link org.attnlab.experiments.store.RunClaims}) is not trained
 * again: the runner trains the others first, then waits for it and reports that process's result.
 */
public final class ExperimentRunner {
    private static final Logger LOG = LoggerFactory.getLogger(ExperimentRunner.class);
    /** How often runs that another process is training are looked at again. */
    private static final long WAIT_MS = 1000;
    /** Longest failure reason kept (it goes to the database and the report). */
    private static final int MAX_REASON = 300;
    private final Path resultsRoot;
    private final ResultsStore store;
    private final RunProgress progress;
    private final ProcessMemory memory;

    public ExperimentRunner(Path resultsRoot, ResultsStore store, RunProgress progress) {
        this(resultsRoot, store, progress, ProcessMemory.current());
    }

    ExperimentRunner(Path resultsRoot, ResultsStore store, RunProgress progress, ProcessMemory memory) {
        this.resultsRoot = resultsRoot;
        this.store = store;
        this.progress = progress;
        this.memory = memory;
    }

    /**
     * Runs {@code runs} in order and returns their summaries.
     *
     * @throws PreflightException before any run trains when a run would not fit in memory or a dataset file is
     *                            missing, corrupt or fails its checksum
     */
    public List<RunSummary> runAll(List<RunSpec> runs) {
        return LibraryChatter.suppressed(() -> {
            MemoryPreflight.check(runs);
            DataPreflight.check(runs);
            return runEach(runs);
        });
    }

    private List<RunSummary> runEach(List<RunSpec> runs) {
        Trainer trainer = new Trainer(store, progress);
        Map<RunSpec, RunSummary> done = new LinkedHashMap<>();
        List<RunSpec> pending = new ArrayList<>();
        for (List<RunSpec> group : EnsembleGroups.of(runs)) {
            if (group.size() == 1) {
                pending.add(group.get(0));
                continue;
            }
            List<RunSpec> claimed = new ArrayList<>();
            String refusal = memory.refusal();
            for (RunSpec spec : group) {
                RunSummary known = store.run(spec.runId());
                if (known != null && RunSummary.COMPLETED.equals(known.status())) {
                    LOG.info("{}: already completed, skipped", spec.runId());
                    done.put(spec, known);
                } else if (refusal != null) {
                    done.put(spec, notStarted(spec, refusal));
                } else if (store.claims().tryClaim(spec.runId())) {
                    claimed.add(spec);
                } else {
                    pending.add(spec);
                }
            }
            done.putAll(claimed.size() == 1 ? Map.of(claimed.get(0), runClaimed(claimed.get(0), trainer))
                    : runEnsemble(claimed));
        }
        boolean first = true;
        while (!pending.isEmpty()) {
            if (!first) {
                sleep();
            }
            for (Iterator<RunSpec> it = pending.iterator(); it.hasNext(); ) {
                RunSpec spec = it.next();
                RunSummary result = tryRun(spec, trainer, first);
                if (result != null) {
                    done.put(spec, result);
                    it.remove();
                }
            }
            first = false;
        }
        runs.stream().map(RunSpec::experiment).distinct()
                .forEach(experiment -> EnsembleHomes.removeEnded(resultsRoot.resolve(experiment), store));
        return runs.stream().map(done::get).toList();
    }

    /** The run's summary once it is done (by us or another process), or null while another process trains it. */
    private RunSummary tryRun(RunSpec spec, Trainer trainer, boolean firstLook) {
        RunSummary known = store.run(spec.runId());
        if (known != null && RunSummary.COMPLETED.equals(known.status())) {
            if (firstLook) {
                LOG.info("{}: already completed, skipped", spec.runId());
            }
            return known;
        }
        if (!firstLook && known != null && !RunSummary.RUNNING.equals(known.status())
                && !store.claims().heldByOther(spec.runId())) {
            return known;                                           // another process ended it (failed): keep its word
        }
        String refusal = memory.refusal();
        if (refusal != null) {
            return notStarted(spec, refusal);
        }
        if (!store.claims().tryClaim(spec.runId())) {
            if (firstLook) {
                LOG.info("{}: being trained by another process, waiting for it", spec.runId());
            }
            return null;
        }
        return runClaimed(spec, trainer);
    }

    /** Trains {@code spec}, whose claim this process holds, and releases the claim. */
    private RunSummary runClaimed(RunSpec spec, Trainer trainer) {
        try {
            return trainer.run(spec, new RunDirectory(directory(spec)));
        } catch (RuntimeException | OutOfMemoryError e) {
            return failed(spec, e);
        } finally {
            store.claims().release(spec.runId());
        }
    }

    /** Trains the claimed runs {@code specs} of one variant as one ensemble and releases their claims. */
    private Map<RunSpec, RunSummary> runEnsemble(List<RunSpec> specs) {
        Map<RunSpec, RunSummary> out = new LinkedHashMap<>();
        try {
            List<RunSummary> summaries = new EnsembleTrainer(store, progress).run(specs,
                    specs.stream().map(s -> new RunDirectory(directory(s))).toList(), new RunDirectory(ensembleHome(specs)));
            for (int i = 0; i < specs.size(); i++) {
                out.put(specs.get(i), summaries.get(i));
            }
        } catch (RuntimeException | OutOfMemoryError e) {
            specs.forEach(spec -> out.put(spec, failed(spec, e)));
        } finally {
            specs.forEach(spec -> store.claims().release(spec.runId()));
        }
        return out;
    }

    /**
     * {@code spec} left untrained by this process for {@code reason}: recorded as failed unless another process has
     * recorded it (a failed run is trained again by the next command).
     */
    private RunSummary notStarted(RunSpec spec, String reason) {
        LOG.warn("{}: {}", spec.runId(), reason);
        RunSummary known = store.run(spec.runId());
        if (known != null && !RunSummary.RUNNING.equals(known.status())) {
            return known;
        }
        RunSummary failed = RunSummary.started(spec.runId(), spec.experiment(), spec.variant().name(), spec.seed(), 0)
                .failed(reason, 0);
        if (known == null) {
            store.putRun(failed);
        }
        return failed;
    }

    /** Records {@code spec} as failed because of {@code e}. */
    private RunSummary failed(RunSpec spec, Throwable e) {
        String reason;
        if (e instanceof RunStopped) {
            LOG.info("{}: stopped: {}", spec.runId(), e.getMessage());
            reason = String.valueOf(e);
        } else {
            reason = Excerpt.line(e instanceof OutOfMemoryError ? "out of memory: " + e.getMessage()
                    : e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName(), MAX_REASON);
            LOG.error("{}: failed: {}", spec.runId(), reason);
            LOG.debug("{}: failure", spec.runId(), e);
        }
        RunSummary failed = RunSummary.started(spec.runId(), spec.experiment(), spec.variant().name(), spec.seed(), 0)
                .failed(reason, 0);
        store.putRun(failed);
        return failed;
    }

    /** The folder of an ensemble's own graph and state: named after its variant and a hash of its runs. */
    public Path ensembleHome(List<RunSpec> specs) {
        String runs = String.join("|", specs.stream().map(RunSpec::runId).toList());
        return resultsRoot.resolve(specs.get(0).experiment())
                .resolve("ensemble-" + specs.get(0).variant().name() + "-" + Sha256.ofText(runs).substring(0, 8));
    }

    private static void sleep() {
        try {
            Thread.sleep(WAIT_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for another process", e);
        }
    }

    /** The folder of a run. */
    public Path directory(RunSpec spec) {
        return resultsRoot.resolve(spec.experiment()).resolve(spec.runId());
    }
}
