package org.attnlab.experiments.run;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.attnlab.experiments.store.MetricRow;
import org.attnlab.experiments.store.RunSummary;

/**
 * Progress on the console: a redrawn bar on an interactive terminal, plain lines otherwise. Each validation line shows
 * the metrics the run's model kind declares ({@link org.attnlab.experiments.kinds.ModelKind#metrics()}). While seeds
 * train together as one ensemble, validation and end lines name their run.
 */
public final class ConsoleProgress implements RunProgress {
    private static final int WIDTH = 30;
    /** Declared columns a validation line leaves out (the step leads the line; epoch and time are not progress). */
    private static final Set<String> UNSHOWN = Set.of("step", "epoch", "seconds");
    private final PrintWriter out;
    private final boolean interactive;
    private long total;
    private long startedAt;
    private long firstStep;
    private boolean images;
    private List<String> metrics = List.of();
    /** True while the members of an ensemble train: lines name their run. */
    private boolean members;

    public ConsoleProgress(PrintWriter out, boolean interactive) {
        this.out = out;
        this.interactive = interactive;
    }

    /** Writes to {@code out}: a bar when the program runs on a terminal, lines otherwise. */
    public static ConsoleProgress forConsole(PrintWriter out) {
        return new ConsoleProgress(out, System.console() != null);
    }

    @Override
    public void started(RunSpec run, long totalSteps, long done) {
        begin(run, totalSteps, done, false);
        out.printf(Locale.ROOT, "%s: %d steps%s%n", run.runId(), totalSteps, resuming(done));
        out.flush();
    }

    @Override
    public void membersStarted(List<RunSpec> runs, long totalSteps, long done) {
        begin(runs.get(0), totalSteps, done, true);
        out.printf(Locale.ROOT, "%d runs trained together as one ensemble: %d steps%s%n", runs.size(), totalSteps,
                resuming(done));
        runs.forEach(r -> out.printf(Locale.ROOT, "  member: %s%n", r.runId()));
        out.flush();
    }

    private void begin(RunSpec run, long totalSteps, long done, boolean ensemble) {
        total = totalSteps;
        firstStep = done;
        members = ensemble;
        images = run.variant().model().kind().data().images();
        metrics = run.variant().model().kind().metrics().stream().filter(m -> !UNSHOWN.contains(m)).toList();
        startedAt = System.nanoTime();
    }

    private static String resuming(long done) {
        return done > 0 ? ", resuming at " + done : "";
    }

    @Override
    public void stepped(long step) {
        if (!interactive || (step % Math.max(1, total / 100) != 0 && step != total)) {
            return;
        }
        int filled = (int) (WIDTH * step / Math.max(1, total));
        double rate = (step - firstStep) / Math.max(1e-9, (System.nanoTime() - startedAt) / 1e9);
        out.printf(Locale.ROOT, "\r  [%s%s] %d/%d %.1f steps/s", "#".repeat(filled), ".".repeat(WIDTH - filled), step,
                total, rate);
        out.flush();
    }

    @Override
    public void validated(MetricRow r) {
        line("", r);
    }

    @Override
    public void memberValidated(RunSpec run, MetricRow r) {
        line(run.runId() + "  ", r);
    }

    private void line(String run, MetricRow r) {
        clearBar();
        StringBuilder line = new StringBuilder("  " + run + "step " + r.step());
        for (String m : metrics) {
            double v = r.value(m);
            line.append("  ").append(m).append(' ').append(String.format(Locale.ROOT,
                    m.endsWith("_per_second") ? "%.0f" : m.endsWith("_loss") ? "%.4f" : "%.3f", v));
        }
        out.println(line);
        out.flush();
    }

    @Override
    public void ended(RunSummary s) {
        clearBar();
        String run = members ? "  " + s.runId() + " " : "  ";
        if (RunSummary.COMPLETED.equals(s.status()) && images) {
            out.printf(Locale.ROOT, "%scompleted: test acc %.3f  loss %.4f  (%.1f s training)%n", run,
                    s.testTokenAcc(), s.testLoss(), s.seconds());
        } else if (RunSummary.COMPLETED.equals(s.status())) {
            out.printf(Locale.ROOT, "%scompleted: test token_acc %.3f  seq_acc %.3f  loss %.4f  (%.1f s training)%n",
                    run, s.testTokenAcc(), s.testSeqAcc(), s.testLoss(), s.seconds());
        } else {
            out.printf("%sFAILED: %s%n", run, s.reason());
        }
        out.flush();
    }

    private void clearBar() {
        if (interactive) {
            out.print("\r" + " ".repeat(WIDTH + 40) + "\r");
        }
    }
}
