package org.attnlab.cli.experiments;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.attnlab.experiments.config.ConfigException;
import org.attnlab.experiments.config.ExperimentConfig;
import org.attnlab.experiments.config.ExperimentLoader;
import org.attnlab.experiments.config.VariantConfig;
import org.attnlab.experiments.kinds.ModelKinds;
import org.attnlab.experiments.report.ExperimentRecord;
import org.attnlab.experiments.report.MarkdownRenderer;
import org.attnlab.experiments.report.ReportBuilder;
import org.attnlab.experiments.run.ConsoleProgress;
import org.attnlab.experiments.run.PreflightException;
import org.attnlab.experiments.run.ExperimentRunner;
import org.attnlab.experiments.run.RunPlanner;
import org.attnlab.experiments.run.RunSpec;
import org.attnlab.experiments.store.ResultsStore;
import org.attnlab.experiments.store.RunSummary;
import org.attnlab.models.runtime.RuntimeSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code attnlab run FILE}: runs every variant of an experiment with every seed, then prints a comparison. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run an experiment file (every variant x seed). Completed runs are skipped, interrupted ones resume.")
public final class RunCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "Experiment YAML file.")
    Path file;

    @Option(names = "--quick", description = "Smoke test: a fifth of the steps (or one epoch) and the first 3 seeds; results filed under NAME-quick.")
    boolean quick;

    @Mixin
    ResultsOptions results;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ExperimentConfig cfg;
        try {
            cfg = new ExperimentLoader(ModelKinds.load()).load(file);
        } catch (ConfigException e) {
            err.println("error: " + e.getMessage());
            return 2;
        }
        List<RunSpec> runs = RunPlanner.plan(cfg, quick);
        String name = RunPlanner.experimentName(cfg, quick);
        out.printf("experiment %s: %d variants x %d seeds = %d runs%n", name, cfg.variants().size(),
                RunPlanner.seeds(cfg, quick).size(), runs.size());
        out.println("runtime: " + RuntimeSettings.current().summary());
        long start = System.nanoTime();
        try (ResultsStore store = results.open()) {
            new ExperimentRecord(file.toString(), quick, cfg.report()).write(results.experimentDir(name));
            List<RunSummary> done;
            try {
                done = new ExperimentRunner(results.dir(), store, ConsoleProgress.forConsole(out)).runAll(runs);
            } catch (PreflightException e) {
                err.println("error: " + file + ": " + e.getMessage());
                return 2;
            }
            out.println();
            out.print(MarkdownRenderer.table(ReportBuilder.summary(done, cfg.variants().stream().collect(
                    Collectors.toMap(VariantConfig::name, v -> v.model().kind().name())))));
            long failed = done.stream().filter(r -> !RunSummary.COMPLETED.equals(r.status())).count();
            out.printf("%n%d runs, %d failed, %.0f s. Report: attnlab report %s%s%n", done.size(), failed,
                    (System.nanoTime() - start) / 1e9, name, " --results " + results.dir());
            return failed == 0 ? 0 : 1;
        }
    }
}
