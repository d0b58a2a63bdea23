package org.attnlab.sweeps.objective;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.attnlab.experiments.config.ConfigException;
import org.attnlab.experiments.config.ExperimentConfig;
import org.attnlab.experiments.config.ExperimentLoader;
import org.attnlab.experiments.model.ModelRegistry;
import org.attnlab.experiments.run.ExperimentRunner;
import org.attnlab.experiments.run.RunPlanner;
import org.attnlab.experiments.run.RunProgress;
import org.attnlab.experiments.run.RunSpec;
import org.attnlab.experiments.store.MetricRow;
import org.attnlab.experiments.store.ResultsStore;
import org.attnlab.experiments.store.RunSummary;
import org.attnlab.sweeps.config.ConfigOverrides;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The {@code experiment} objective: one trial is one run of the base experiment with the trial's parameters applied.
 * <ul>
 *   <li>The parameters (dotted keys) are set on the base document with {@link ConfigOverrides}; {@code variants} is
 *       dropped (a trial trains the base sections; sweep a variant's key as a parameter instead) and {@code seeds}
 *       becomes {@code [trial seed]}.</li>
 *   <li>The result is validated by the experiments loader; a bad key or value fails the trial with a reason that
 *       names the parameter and the key path.</li>
 *   <li>The run trains in a temporary results folder (deleted afterwards; the sweep store keeps the metrics). At each
 *       validation the objective metric goes to the reporter ({@code test_*} metrics are reported as their
 *       {@code val_*} counterpart); when it answers prune the run stops and the trial returns its last
 *       validation metrics.</li>
 *   <li>A NaN or infinite loss fails the trial with the run's reason.</li>
 * </ul>
 * Final metrics: {@code test_loss, test_token_acc, test_seq_acc} and the last validation's {@code train_loss,
 * val_loss, val_token_acc, val_seq_acc}, plus {@code steps, seconds, parameters, tokens_per_second}.
 */
public final class ExperimentObjective implements TrialObjective, TrialObjectiveFactory {

    private static final String NAME = "experiment";
    /** The metric reported when the factory is asked without one. */
    static final String DEFAULT_METRIC = "val_loss";
    private final BaseExperiment base;
    private final String metric;

    /** The factory registered as {@code experiment}. */
    public ExperimentObjective() {
        this(null, DEFAULT_METRIC);
    }

    private ExperimentObjective(BaseExperiment base, String metric) {
        this.base = base;
        this.metric = metric;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<String> metrics() {
        return Set.copyOf(finalMetrics(new RunSummary("", "", "", 0, "", "", 0, 0, 0, 0, 0, 0, 0, 0, 0),
                new MetricRow(0, 0, 0, 0, 0, 0, 0, 0)).keySet());
    }

    @Override
    public TrialObjective create(BaseExperiment base) {
        return create(base, DEFAULT_METRIC);
    }

    @Override
    public TrialObjective create(BaseExperiment base, String metric) {
        return new ExperimentObjective(base, metric);
    }

    @Override
    public TrialResult run(Map<String, Object> params, long seed, IntermediateReporter reporter) throws IOException {
        Path work = Files.createTempDirectory("attnlab-trial-");
        try {
            ExperimentConfig config = parse(trialDocument(params, seed), params, work);
            List<RunSpec> runs = RunPlanner.plan(config, false);
            Progress progress = new Progress(metric, reporter);
            RunSummary summary;
            try (ResultsStore store = ResultsStore.open(work.resolve("attnlab.db"))) {
                summary = new ExperimentRunner(work.resolve("runs"), store, progress).runAll(runs).get(0);
            }
            if (progress.pruned) {
                return new TrialResult(validationMetrics(progress.last));
            }
            if (!RunSummary.COMPLETED.equals(summary.status())) {
                throw new IllegalStateException("run failed: " + summary.reason());
            }
            return new TrialResult(finalMetrics(summary, progress.last));
        } finally {
            deleteTree(work);
        }
    }

    /** The base document with {@code params} applied, no variants and the trial seed as its only seed. */
    private Map<String, Object> trialDocument(Map<String, Object> params, long seed) {
        Map<String, Object> doc = withoutVariants(base, params);
        doc.put("seeds", List.of(seed));
        return doc;
    }

    /**
     * What the trial ran, under the base's seeds, named {@code SWEEP-best} so that {@code attnlab run} files its runs
     * apart from the base experiment's.
     */
    @Override
    public Map<String, Object> runnableConfig(BaseExperiment base, Map<String, Object> params, String sweep) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("name", sweep + "-best");
        withoutVariants(base, params).forEach((k, v) -> doc.putIfAbsent(k, v));
        return doc;
    }

    private static Map<String, Object> withoutVariants(BaseExperiment base, Map<String, Object> params) {
        Map<String, Object> doc;
        try {
            doc = ConfigOverrides.apply(base.document(), params);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("bad sweep parameter: " + e.getMessage(), e);
        }
        doc.remove("variants");
        return doc;
    }

    /** Validates {@code doc} with the experiments loader, as a file named like the base experiment. */
    private ExperimentConfig parse(Map<String, Object> doc, Map<String, Object> params, Path work) throws IOException {
        Path file = work.resolve(Paths.get(base.file()).getFileName());
        try {
            Files.writeString(file, new YAMLMapper().writeValueAsString(doc));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write the trial config: " + e.getOriginalMessage(), e);
        }
        try {
            return new ExperimentLoader(ModelRegistry.load()).load(file);
        } catch (ConfigException e) {
            // Line numbers refer to the generated trial file, not to the base experiment: drop them.
            String reason = e.getMessage().replaceFirst(" \\(line \\d+\\)$", "");
            throw new IllegalArgumentException(culprit(e.keyPath(), params) + reason, e);
        }
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

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the trial folder " + root, e);
        }
    }

    /**
     * Thrown from a validation to stop the run when the sweep prunes it; the experiments runner records the run as
     * failed (in the trial's temporary store) and logs this message, without a stack trace.
     */
    private static final class Pruned extends RuntimeException {
        Pruned(long step) {
            super("pruned by the sweep at step " + step + " (not a failure)", null, false, false);
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
