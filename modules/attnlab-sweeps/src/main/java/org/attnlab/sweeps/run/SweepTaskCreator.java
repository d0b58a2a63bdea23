package org.attnlab.sweeps.run;

import org.attnlab.sweeps.prune.CompletedCurves;
import org.attnlab.sweeps.space.TrialParams;
import org.attnlab.sweeps.store.SweepStore;
import org.attnlab.sweeps.store.TrialOutcome;
import org.attnlab.sweeps.store.TrialState;
import org.deeplearning4j.arbiter.optimize.api.Candidate;
import org.deeplearning4j.arbiter.optimize.api.OptimizationResult;
import org.deeplearning4j.arbiter.optimize.api.TaskCreator;
import org.deeplearning4j.arbiter.optimize.api.data.DataProvider;
import org.deeplearning4j.arbiter.optimize.api.data.DataSource;
import org.deeplearning4j.arbiter.optimize.api.score.ScoreFunction;
import org.deeplearning4j.arbiter.optimize.runner.CandidateInfo;
import org.deeplearning4j.arbiter.optimize.runner.CandidateStatus;
import org.deeplearning4j.arbiter.optimize.runner.IOptimizationRunner;
import org.deeplearning4j.arbiter.optimize.runner.listener.StatusListener;

import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;

/** Arbiter task creator: each task runs one trial on the backend and records its state changes in the store. */
public final class SweepTaskCreator implements TaskCreator {

    private final String sweep;
    private final long sweepSeed;
    private final SweepStore store;
    private final TrialBackend backend;
    private final CompletedCurves curves;
    private final ProgressLog progress;

    public SweepTaskCreator(String sweep, long sweepSeed, SweepStore store, TrialBackend backend,
                            CompletedCurves curves, ProgressLog progress) {
        this.sweep = sweep;
        this.sweepSeed = sweepSeed;
        this.store = store;
        this.backend = backend;
        this.curves = curves;
        this.progress = progress;
    }

    @Override
    public Callable<OptimizationResult> create(Candidate candidate, DataProvider dataProvider,
                                               ScoreFunction scoreFunction, List<StatusListener> statusListeners,
                                               IOptimizationRunner runner) {
        return () -> runTrial(candidate);
    }

    @Override
    public Callable<OptimizationResult> create(Candidate candidate, Class<? extends DataSource> dataSource,
                                               Properties dataSourceProperties, ScoreFunction scoreFunction,
                                               List<StatusListener> statusListeners, IOptimizationRunner runner) {
        return () -> runTrial(candidate);
    }

    private OptimizationResult runTrial(Candidate<?> candidate) {
        int index = candidate.getIndex();
        TrialSpec spec = new TrialSpec(index, TrialSeeds.of(sweepSeed, index), ((TrialParams) candidate.getValue()).values());
        long start = System.currentTimeMillis();
        store.markRunning(sweep, index);
        TrialOutcome outcome = backend.execute(spec);
        store.finish(sweep, index, outcome);
        if (outcome.state() == TrialState.DONE) {
            curves.add(outcome.curve());
        }
        progress.finished(spec, outcome);
        boolean failed = outcome.state() == TrialState.FAILED;
        CandidateInfo info = new CandidateInfo(index, failed ? CandidateStatus.Failed : CandidateStatus.Complete,
                outcome.score(), start, start, System.currentTimeMillis(), candidate.getFlatParameters(),
                outcome.reason());
        Double score = outcome.state() == TrialState.DONE ? outcome.score() : null;
        return new OptimizationResult(candidate, score, index, null, info, null);
    }
}
