package org.attnlab.bench.profile;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.attnlab.bench.measure.StepTimes;
import org.attnlab.experiments.kinds.TrainableModel;
import org.attnlab.experiments.run.FitSession;
import org.attnlab.experiments.run.TrainingSteps;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.dataset.api.MultiDataSet;

/**
 * Where the time of an experiment model's training step goes. With an {@link OpTimer} attached it counts the ops a
 * step of the training path ({@link FitSession}) executes and their mean cost by op type, the step time left outside
 * ops (updater, listeners, placeholder checks), and the op outputs that need a new buffer each step, on that path and
 * with separate {@code sd.fit(batch)} calls. Then, without the listener, it times {@code n} calls of
 * {@code sd.fit(batch)}, {@code n} steps of the kept session and one {@code sd.fit} over an iterator of the same
 * {@code n} batches, in turn for several rounds: the differences per step are the per-call set-up that each
 * {@code fit} call pays and the kept session does not. Last, {@code n} replayed steps of the kept session with each
 * replayed op timed ({@link ReplayedOps}): the training path itself. Batches are drawn and adapted before timing.
 */
public final class StepProfile {
    private StepProfile() {
    }

    /**
     * Profiles {@code steps} training steps of {@code run} (a model case's fresh training steps, one run or an
     * ensemble) after {@code warmup} steps, and {@code rounds} rounds of the per-call comparison; returns a Markdown
     * report headed {@code label}.
     */
    public static String run(String label, TrainingSteps run, int warmup, int steps, int rounds) {
        if (warmup < 1 || steps < 1 || rounds < 1) {
            throw new IllegalArgumentException("warm-up, steps and rounds must be >= 1, were " + warmup + ", " + steps
                    + ", " + rounds);
        }
        TrainableModel m = run.model();
        SameDiff sd = m.sd();
        List<MultiDataSet> batches = new ArrayList<>();
        for (int i = 0; i < steps; i++) {
            batches.add(m.adapter().apply(run.nextBatch()).copy()); // iterators and adapters may reuse their arrays
        }
        FitSession session = new FitSession(sd);
        for (int i = 0; i < warmup; i++) {
            session.fit(batches.get(i % steps));
        }
        OpTimer timer = new OpTimer();
        sd.addListeners(timer);
        int[] next = {0};
        StepTimes withListener = StepTimes.measure(() -> session.fit(batches.get(next[0]++)), 0, steps);
        OpTimer fitCalls = new OpTimer();
        sd.setListeners(List.of(fitCalls));
        for (int i = 0; i < Math.min(steps, 3); i++) {
            sd.fit(batches.get(i));
        }
        sd.setListeners(List.of());
        double[] perCall = new double[rounds];
        double[] kept = new double[rounds];
        double[] overIterator = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            long t0 = System.nanoTime();
            for (MultiDataSet b : batches) {
                sd.fit(b);
            }
            perCall[r] = (System.nanoTime() - t0) / 1e6 / steps;
            t0 = System.nanoTime();
            for (MultiDataSet b : batches) {
                session.fit(b);
            }
            kept[r] = (System.nanoTime() - t0) / 1e6 / steps;
            t0 = System.nanoTime();
            sd.fit(new BatchList(batches), 1);
            overIterator[r] = (System.nanoTime() - t0) / 1e6 / steps;
        }
        int[] at = {0};
        return report(label, warmup, steps, timer, fitCalls, withListener,
                new StepTimes[] {new StepTimes(perCall), new StepTimes(kept), new StepTimes(overIterator)})
                + timedReplays(() -> session.fit(batches.get(at[0]++)), session, steps);
    }

    /**
     * Profiles the replayed ops of {@code steps} steps of a layer case ({@code step} runs one step of
     * {@code session}) after {@code warmup} steps; returns a Markdown report headed {@code label}.
     */
    public static String replayed(String label, Runnable step, FitSession session, int warmup, int steps) {
        if (warmup < 1 || steps < 1) {
            throw new IllegalArgumentException("warm-up and steps must be >= 1, were " + warmup + ", " + steps);
        }
        for (int i = 0; i < warmup; i++) {
            step.run();
        }
        return String.format(Locale.ROOT, "# Training-step profile: %s%n%n%d warm-up steps.%n", label, warmup)
                + timedReplays(step, session, steps);
    }

    /** Runs {@code steps} steps of {@code session} with each replayed op timed; returns their report. */
    private static String timedReplays(Runnable step, FitSession session, int steps) {
        ReplayedOps replayed = new ReplayedOps();
        session.timeReplayedOps(replayed);
        StepTimes timed = StepTimes.measure(step, 0, steps);
        session.timeReplayedOps(null);
        return replayedReport(steps, replayed, timed);
    }

    /** The replayed steps' op times: what a training run executes, without the session. */
    private static String replayedReport(int steps, ReplayedOps ops, StepTimes step) {
        double mean = Arrays.stream(step.ms()).average().orElseThrow();
        double inside = ops.msPerStep(steps);
        return String.format(Locale.ROOT, "%n## Replayed steps (the training path)%n%n"
                + "A step with a listener goes through SameDiff's session; a training run replays its recorded steps. "
                + "%d more steps of the kept session, replayed, each op timed (two clock reads per op):%n%n"
                + "- step: mean %.3f ms, median %.3f ms (min %.3f, max %.3f)%n"
                + "- ops and parameter-update blocks per step: %.1f; inside them %.3f ms per step (%.0f%% of the mean "
                + "step); outside (batch and constant copies, checks): %.3f ms%n%n", steps, mean, step.median(),
                step.min(), step.max(), ops.countPerStep(steps), inside, 100 * inside / mean, mean - inside)
                + ops.tables(steps, 15);
    }

    private static String report(String label, int warmup, int steps, OpTimer timer, OpTimer fitCalls,
                                 StepTimes step, StepTimes[] paths) {
        List<OpTimer.OpStats> ops = new ArrayList<>(timer.byType().values());
        ops.sort(Comparator.comparingLong((OpTimer.OpStats s) -> s.nanos).reversed());
        long count = ops.stream().mapToLong(s -> s.count).sum();
        double opMs = ops.stream().mapToLong(s -> s.nanos).sum() / 1e6 / steps;
        double stepMean = Arrays.stream(step.ms()).average().orElseThrow();
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "# Training-step profile: %s%n%n", label));
        b.append(String.format(Locale.ROOT, "%d steps of a kept `FitSession` after %d warm-up steps, with a per-op "
                + "timing listener attached (it adds its own cost, and it turns replay off: these steps go through "
                + "SameDiff's session; the replayed steps a run takes are timed at the end).%n%n", steps, warmup));
        b.append(String.format(Locale.ROOT, "- step: mean %.3f ms, median %.3f ms (min %.3f, max %.3f)%n", stepMean,
                step.median(), step.min(), step.max()));
        b.append(String.format(Locale.ROOT, "- ops per step: %.1f (%d op types; listener saw %d iterations)%n",
                (double) count / steps, ops.size(), timer.iterations()));
        b.append(String.format(Locale.ROOT, "- time inside ops: %.3f ms per step (%.0f%% of the mean step); outside "
                + "ops (session, updater, listeners, checks): %.3f ms%n", opMs, 100 * opMs / stepMean,
                stepMean - opMs));
        b.append(String.format(Locale.ROOT, "- op outputs in a new buffer (not one of the previous step's) per step: "
                        + "kept session %s; separate `sd.fit(batch)` calls %s%n", newBuffers(timer),
                newBuffers(fitCalls)));
        String[] names = {"calls of `sd.fit(batch)`", "steps of the kept session", "one `sd.fit` over an iterator"};
        b.append(String.format(Locale.ROOT, "- without the listener, ms per step (median of %d rounds, min-max) over %d "
                + "batches:", paths[0].ms().length, steps));
        for (int i = 0; i < paths.length; i++) {
            b.append(String.format(Locale.ROOT, "%s %s %.3f (%.3f-%.3f)", i == 0 ? "" : ";", names[i],
                    paths[i].median(), paths[i].min(), paths[i].max()));
        }
        b.append(String.format(Locale.ROOT, "; per-call cost of `fit` over the iterator %.3f ms, over the kept session "
                + "%.3f ms%n%n", paths[0].median() - paths[2].median(), paths[0].median() - paths[1].median()));
        b.append("| op type | executions per step | mean us | ms per step | share of op time |\n");
        b.append("| --- | --- | --- | --- | --- |\n");
        for (OpTimer.OpStats s : ops) {
            double ms = s.nanos / 1e6 / steps;
            b.append(String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.3f | %.1f%% |%n", s.type,
                    (double) s.count / steps, s.nanos / 1e3 / s.count, ms, 100 * ms / opMs));
        }
        return b.toString();
    }

    private static String newBuffers(OpTimer t) {
        long counted = Math.max(1, t.iterations() - 1);
        return String.format(Locale.ROOT, "%.1f (%.3f MB)", (double) t.newBuffers() / counted,
                t.newBytes() / 1e6 / counted);
    }
}
