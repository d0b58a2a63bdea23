package org.attnlab.sweeps.run;

import org.attnlab.sweeps.config.SweepConfig;
import org.attnlab.sweeps.config.SearchMethod;
import org.attnlab.sweeps.objective.BaseExperiment;
import org.attnlab.sweeps.objective.TrialContext;
import org.attnlab.sweeps.objective.TrialObjectives;
import org.attnlab.sweeps.prune.CompletedCurves;
import org.attnlab.sweeps.prune.MedianStoppingRule;
import org.attnlab.sweeps.space.CandidateGenerators;
import org.attnlab.sweeps.space.DirectionScore;
import org.attnlab.sweeps.space.SpaceTranslator;
import org.attnlab.sweeps.space.SweepSpace;
import org.attnlab.sweeps.spark.SparkBackend;
import org.attnlab.sweeps.store.SweepRow;
import org.attnlab.sweeps.store.SweepStore;
import org.attnlab.sweeps.store.TrialRecord;
import org.attnlab.sweeps.store.TrialState;
import org.deeplearning4j.arbiter.optimize.api.termination.MaxTimeCondition;
import org.deeplearning4j.arbiter.optimize.api.termination.TerminationCondition;
import org.deeplearning4j.arbiter.optimize.config.OptimizationConfiguration;
import org.deeplearning4j.arbiter.optimize.runner.LocalOptimizationRunner;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Runs a sweep through Arbiter's {@link LocalOptimizationRunner}, recording every trial in the store as it goes. */
public final class SweepRunner {

    /** Runs (or resumes) {@code config}; returns all of the sweep's stored trials when the budget is spent. */
    public List<TrialRecord> run(SweepConfig config, RunOptions options) {
        TrialObjectives.require(config.objective().function(), config.objective().metric());
        BaseExperiment base = BaseExperiment.load(config.baseFile());
        CompletedCurves curves = new CompletedCurves();
        try (SweepStore store = SweepStore.open(options.db());
             TrialBackend backend = backend(config, options, base, curves)) {
            List<TrialRecord> stored = prepare(config, options, store);
            stored.stream().filter(r -> r.state() == TrialState.DONE).forEach(r -> curves.add(r.curve()));
            SweepSpace space = SpaceTranslator.translate(config.parameters());
            SweepCandidates candidates = new SweepCandidates(
                    CandidateGenerators.create(config.search(), config.objective().direction(), space, config.seed()),
                    store, config.name(), config.seed(), maxTrials(config, space), stored);
            ProgressLog progress = new ProgressLog(config.objective().direction(), config.budget().maxTrials(),
                    stored, options.progress());
            int parallel = options.parallel() != null ? options.parallel() : backend.defaultParallelism();
            options.progress().accept("sweep " + config.name() + ": " + stored.size() + " stored trials, "
                    + parallel + " in parallel on " + backend);
            OptimizationConfiguration arbiter = new OptimizationConfiguration.Builder()
                    .candidateGenerator(candidates)
                    .scoreFunction(new DirectionScore(config.objective().direction()))
                    .terminationConditions(terminations(config, candidates))
                    .build();
            new LocalOptimizationRunner(parallel, arbiter,
                    new SweepTaskCreator(config.name(), config.seed(), store, backend, curves, progress)).execute();
            return store.trials(config.name());
        }
    }

    private static List<TrialRecord> prepare(SweepConfig config, RunOptions options, SweepStore store) {
        String space = SweepSpaceDigest.of(config);
        Optional<SweepRow> known = store.sweep(config.name());
        if (known.isEmpty()) {
            store.createSweep(new SweepRow(config.name(), config.file().toString(), config.baseFile().toString(),
                    config.objective().metric(), config.objective().direction().name(), config.seed(),
                    config.budget().maxTrials(), space));
        } else if (!options.resume()) {
            throw new IllegalArgumentException("sweep '" + config.name() + "' already exists in " + options.db()
                    + ": pass --resume to continue it, or give the sweep another name");
        } else if (known.get().space() != null && !known.get().space().equals(space)) {
            throw new IllegalArgumentException(config.file() + ": sweep '" + config.name() + "' in " + options.db()
                    + " was stored with other parameters, search, objective, seed or base experiment; restore them"
                    + " to resume it (only budget, pruning and threads may change), or give the sweep another name");
        }
        int requeued = store.requeueInterrupted(config.name());
        if (requeued > 0) {
            options.progress().accept("re-queued " + requeued + " interrupted trial(s)");
        }
        return store.trials(config.name());
    }

    private static TrialBackend backend(SweepConfig config, RunOptions options, BaseExperiment base,
                                        CompletedCurves curves) {
        MedianStoppingRule rule = config.pruning().enabled() ? new MedianStoppingRule(config.objective().direction(),
                config.pruning().warmupSteps(), config.pruning().minTrials()) : null;
        TrialRunner runner = new TrialRunner(config.objective().metric(), rule);
        String function = config.objective().function();
        TrialContext context = TrialContext.of(config.name(), config.objective().metric(), options.results(),
                options.db());
        if (options.sparkMaster() != null) {
            return SparkBackend.start(options.sparkMaster(), "attnlab-sweep-" + config.name(), runner, function, base,
                    context, curves);
        }
        return new LocalBackend(runner, TrialObjectives.create(function, base, context), curves,
                config.threadsPerTrial());
    }

    private static int maxTrials(SweepConfig config, SweepSpace space) {
        Integer budget = config.budget().maxTrials();
        if (config.search().method() == SearchMethod.GRID) {
            int grid = CandidateGenerators.gridSize(space, config.search().gridPoints());
            return budget == null ? grid : Math.min(budget, grid);
        }
        return budget == null ? Integer.MAX_VALUE : budget;
    }

    private static List<TerminationCondition> terminations(SweepConfig config, SweepCandidates candidates) {
        List<TerminationCondition> out = new ArrayList<>();
        out.add(new SweepDoneCondition(candidates));
        if (config.budget().maxTime() != null) {
            out.add(new MaxTimeCondition(config.budget().maxTime().toMillis(), TimeUnit.MILLISECONDS));
        }
        return out;
    }
}
