package org.attnlab.sweeps.objective;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.attnlab.config.Trees;
import org.attnlab.config.Yaml;
import org.attnlab.experiments.config.ConfigException;
import org.attnlab.experiments.config.ExperimentConfig;
import org.attnlab.experiments.config.ExperimentLoader;
import org.attnlab.experiments.config.VariantConfig;
import org.attnlab.experiments.model.ModelRegistry;
import org.attnlab.experiments.run.ExperimentRunner;
import org.attnlab.experiments.run.RunPlanner;
import org.attnlab.experiments.run.RunProgress;
import org.attnlab.experiments.run.RunSpec;
import org.attnlab.experiments.run.RunStopped;
import org.attnlab.experiments.store.MetricRow;
import org.attnlab.experiments.store.ResultsStore;
import org.attnlab.experiments.store.RunSummary;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code experiment} objective: one trial is one run of the base experiment with the trial's parameters applied.
 * <ul>
 *   <li>The parameters (dotted keys) are set on the base document with {@link Trees#withOverrides}; {@code variants} is
 *       dropped (a trial trains the base sections; sweep a variant's key as a parameter instead) and {@code seeds}
 *       becomes {@code [trial seed]}.</li>
 *   <li>The result is validated in memory by the experiments loader; a bad key or value fails the trial with a reason
 *       that names the parameter and the key path.</li>
 *   <li>The trial is a run in the results store: experiment = the sweep's name, variant {@code trial-N}, in
 *       {@code RESULTS/SWEEP/RUN-ID/}, so {@code attnlab list SWEEP} and {@code attnlab report SWEEP} show it. That
 *       folder also gets {@value #RUNNABLE}, an experiment file that {@code attnlab run} trains as the same run
 *       (same run id). At each validation the objective metric goes to the reporter ({@code test_*} metrics are
 *       reported as their {@code val_*} counterpart); when it answers prune the run stops (recorded as failed with
 *       the reason "pruned by the sweep") and the trial returns its last validation metrics.</li>
 *   <li>A NaN or infinite loss fails the trial with the run's reason.</li>
 * </ul>
 * Final metrics: {@code test_loss, test_token_acc, test_seq_acc} and the last validation's {@code train_loss,
 * val_loss, val_token_acc, val_seq_acc}, plus {@code steps, seconds, parameters, tokens_per_second}.
 */
public final class ExperimentObjective implements TrialObjective, TrialObjectiveFactory {

    /** The experiment file written beside each trial's run. */
    public static final String RUNNABLE = "experiment.yaml";
    private static final String NAME = "experiment";
    /** What a finished trial reports: the last validation's metrics, the test's, and the run's size and speed. */
    private static final Set<String> METRICS = Set.of("train_loss", "val_loss", "val_token_acc", "val_seq_acc",
            "test_loss", "test_token_acc", "test_seq_acc", "steps", "seconds", "parameters", "tokens_per_second");
    private final BaseExperiment base;
    private final TrialContext context;

    /** The factory registered as {@code experiment}. */
    public ExperimentObjective() {
        this(null, null);
    }

    private ExperimentObjective(BaseExperiment base, TrialContext context) {
        this.base = base;
        this.context = context;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<String> metrics() {
        return METRICS;
    }

    @Override
    public TrialObjective create(BaseExperiment base, TrialContext context) {
        return new ExperimentObjective(base, context);
    }

    /** The variant name of trial {@code trial}. */
    public static String variantName(int trial) {
        return "trial-" + trial;
    }

    @Override
    public TrialResult run(int trial, Map<String, Object> params, long seed, IntermediateReporter reporter)
            throws IOException {
        ObjectNode doc = withoutVariants(base, params);
        doc.put("name", context.sweep());
        doc.putArray("seeds").add(seed);
        RunSpec run = RunPlanner.plan(asTrial(load(doc, params), trial), false).get(0);
        Progress progress = new Progress(context.metric(), reporter);
        RunSummary summary;
        MetricRow last;
        try (ResultsStore store = ResultsStore.open(context.dbFile())) {
            ExperimentRunner runner = new ExperimentRunner(context.resultsDir(), store, progress);
            doc.putObject("variants").putObject(variantName(trial));
            Files.createDirectories(runner.directory(run));
            Files.writeString(runner.directory(run).resolve(RUNNABLE), Yaml.write(doc));
            summary = runner.runAll(List.of(run)).get(0);
            List<MetricRow> rows = store.metrics(run.runId());
            last = progress.last != null ? progress.last : rows.isEmpty() ? null : rows.get(rows.size() - 1);
        }
        if (progress.pruned) {
            return new TrialResult(validationMetrics(last));
        }
        if (!RunSummary.COMPLETED.equals(summary.status())) {
            throw new IllegalStateException("run failed: " + summary.reason());
        }
        return new TrialResult(finalMetrics(summary, last));
    }

    /**
     * What the trial ran, under the base's seeds, named {@code SWEEP-best} so that {@code attnlab run} files its runs
     * apart from the base experiment's.
     */
    @Override
    public ObjectNode runnableConfig(BaseExperiment base, Map<String, Object> params, String sweep) {
        ObjectNode doc = base.document().objectNode().put("name", sweep + "-best");
        withoutVariants(base, params).properties().forEach(e -> doc.putIfAbsent(e.getKey(), e.getValue()));
        return doc;
    }

    private static ObjectNode withoutVariants(BaseExperiment base, Map<String, Object> params) {
        ObjectNode doc;
        try {
            doc = Trees.withOverrides(base.document(), params);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("bad sweep parameter: " + e.getMessage(), e);
        }
        doc.remove("variants");
        return doc;
    }

    /** Validates {@code doc} with the experiments loader, in memory, as if it were the base experiment's file. */
    private ExperimentConfig load(ObjectNode doc, Map<String, Object> params) {
        try {
            return new ExperimentLoader(ModelRegistry.load()).load(doc, Path.of(base.file()));
        } catch (ConfigException e) {
            throw new IllegalArgumentException(culprit(e.keyPath(), params) + e.getMessage(), e);
        }
    }

    /** The one variant of {@code config} renamed {@code trial-N}. */
    private static ExperimentConfig asTrial(ExperimentConfig config, int trial) {
        VariantConfig v = config.variants().get(0);
        return new ExperimentConfig(config.name(), config.source(), config.seeds(),
                List.of(new VariantConfig(variantName(trial), v.dataset(), v.model(), v.training(), v.resolved())),
                config.report());
    }

    /** "parameter KEY=VALUE: " for the swept key that the loader's error is about, or "" when none is. */
    private static String culprit(String keyPath, Map<String, Object> params) {
        for (Map.Entry<String, Object> p : params.entrySet()) {
            if (!keyPath.isEmpty() && (keyPath.equals(p.getKey()) || keyPath.startsWith(p.getKey() + ".")
                    || p.getKey().startsWith(keyPath + "."))) {
                return "parameter " + p.getKey() + "=" + p.getValue() + ": ";
            }
        }
        return "";
    }

    /** The objective metric's per-validation value, or null when it has none. */
    static Double intermediate(String metric, MetricRow row) {
        String m = metric.startsWith("test_") ? "val_" + metric.substring("test_".length()) : metric;
        return validationMetrics(row).get(m);
    }

    private static Map<String, Double> validationMetrics(MetricRow row) {
        Map<String, Double> m = new LinkedHashMap<>();
        if (row != null) {
            m.put("train_loss", row.trainLoss());
            m.put("val_loss", row.valLoss());
            m.put("val_token_acc", row.valTokenAcc());
            m.put("val_seq_acc", row.valSeqAcc());
            m.put("steps", (double) row.step());
            m.put("seconds", row.seconds());
        }
        return m;
    }

    private static Map<String, Double> finalMetrics(RunSummary s, MetricRow last) {
        Map<String, Double> m = validationMetrics(last);
        m.put("test_loss", s.testLoss());
        m.put("test_token_acc", s.testTokenAcc());
        m.put("test_seq_acc", s.testSeqAcc());
        m.put("steps", (double) s.steps());
        m.put("seconds", s.seconds());
        m.put("parameters", (double) s.parameters());
        m.put("tokens_per_second", s.tokensPerSecond());
        return m;
    }

    /** Thrown from a validation to stop the run when the sweep prunes it (the runner records the reason). */
    private static final class Pruned extends RunStopped {
        Pruned(long step) {
            super("pruned by the sweep at step " + step + " (not a failure)");
        }
    }

    /** Forwards each validation's objective metric to the reporter and stops the run when it answers prune. */
    private static final class Progress implements RunProgress {
        private final String metric;
        private final IntermediateReporter reporter;
        private MetricRow last;
        private boolean pruned;

        Progress(String metric, IntermediateReporter reporter) {
            this.metric = metric;
            this.reporter = reporter;
        }

        @Override
        public void started(RunSpec run, long total, long done) {
        }

        @Override
        public void stepped(long step) {
        }

        @Override
        public void validated(MetricRow row) {
            last = row;
            Double value = intermediate(metric, row);
            if (value != null && reporter.report(row.step(), value)) {
                pruned = true;
                throw new Pruned(row.step());
            }
        }

        @Override
        public void ended(RunSummary summary) {
        }
    }
}
