package org.attnlab.sweeps.run;

import org.attnlab.sweeps.space.TrialParams;
import org.attnlab.sweeps.store.SweepStore;
import org.attnlab.sweeps.store.TrialOutcome;
import org.attnlab.sweeps.store.TrialRecord;
import org.attnlab.sweeps.store.TrialState;
import org.deeplearning4j.arbiter.optimize.api.Candidate;
import org.deeplearning4j.arbiter.optimize.api.CandidateGenerator;
import org.deeplearning4j.arbiter.optimize.api.OptimizationResult;
import org.deeplearning4j.arbiter.optimize.api.ParameterSpace;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.TreeMap;

/**
 * Wraps an Arbiter generator with the sweep's budget and its stored history: on resume it replays stored trials
 * through the generator (so random and grid search continue their sequence, and genetic search learns stored scores),
 * hands out queued or interrupted trials first, then new ones, queuing each in the store. Indices are trial indices.
 */
public final class SweepCandidates implements CandidateGenerator {

    private final CandidateGenerator delegate;
    private final SweepStore store;
    private final String sweep;
    private final long sweepSeed;
    private final int maxTrials;
    private final Deque<TrialRecord> pending = new ArrayDeque<>();
    private int nextIndex;

    /** {@code stored} are the sweep's trials so far, by index, with interrupted ones already back in state queued. */
    public SweepCandidates(CandidateGenerator delegate, SweepStore store, String sweep, long sweepSeed, int maxTrials,
                           List<TrialRecord> stored) {
        this.delegate = delegate;
        this.store = store;
        this.sweep = sweep;
        this.sweepSeed = sweepSeed;
        this.maxTrials = maxTrials;
        for (TrialRecord r : stored) {
            replay(r);
            if (r.state() == TrialState.QUEUED) {
                pending.add(r);
            }
        }
        nextIndex = stored.size();
    }

    private void replay(TrialRecord r) {
        if (delegate.hasMoreCandidates()) {
            delegate.getCandidate();
        }
        if (r.state() == TrialState.DONE) {
            Candidate<TrialParams> c = candidate(r);
            delegate.reportResults(new OptimizationResult(c, r.score(), r.index(), null, null, null));
        }
    }

    @Override
    public synchronized boolean hasMoreCandidates() {
        return !pending.isEmpty() || (nextIndex < maxTrials && delegate.hasMoreCandidates());
    }

    @Override
    public synchronized Candidate getCandidate() {
        if (!pending.isEmpty()) {
            return candidate(pending.poll());
        }
        Candidate<?> fresh = delegate.getCandidate();
        int index = nextIndex++;
        TrialParams params = (TrialParams) fresh.getValue();
        double[] flat = fresh.getFlatParameters();
        store.queue(sweep, index, params == null ? new LinkedHashMap<>() : params.values(),
                flat == null ? new double[0] : flat, TrialSeeds.of(sweepSeed, index));
        if (fresh.getException() != null) {
            store.finish(sweep, index, TrialOutcome.failed(new TreeMap<>(), "no candidate: " + fresh.getException()));
        }
        return new Candidate<>(params, index, flat, null, fresh.getException());
    }

    private static Candidate<TrialParams> candidate(TrialRecord r) {
        return new Candidate<>(new TrialParams(r.params()), r.index(), r.flatParams(), null, null);
    }

    @Override
    public void reportResults(OptimizationResult result) {
        delegate.reportResults(result);
    }

    @Override
    public ParameterSpace<?> getParameterSpace() {
        return delegate.getParameterSpace();
    }

    @Override
    public void setRngSeed(long rngSeed) {
        delegate.setRngSeed(rngSeed);
    }

    @Override
    public Class<?> getCandidateType() {
        return TrialParams.class;
    }
}
