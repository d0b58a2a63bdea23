package org.attnlab.cli.sweeps;

import org.attnlab.sweeps.config.SweepConfig;
import org.attnlab.sweeps.config.SweepConfigParser;
import org.attnlab.sweeps.objective.TrialObjectives;
import org.attnlab.sweeps.report.SweepReport;
import org.attnlab.sweeps.run.RunOptions;
import org.attnlab.sweeps.run.SweepRunner;
import org.attnlab.sweeps.store.TrialRecord;
import org.attnlab.cli.experiments.ResultsOptions;
import org.attnlab.sweeps.store.TrialState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code sweep FILE [--resume] [--parallel N] [--spark MASTER] [--results DIR]}: runs a sweep file, then writes its
 * report; trials of the {@code experiment} objective are filed as runs in DIR.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = {"Run a hyperparameter sweep (experiments/sweeps/*.yaml) and write its report.",
                "Trials run the objective named in the file (objective.function)."})
public final class SweepCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "Sweep YAML file.")
    Path file;

    @Option(names = "--resume", description = "Continue a stored sweep: keep finished trials, re-run interrupted ones.")
    boolean resume;

    @Option(names = "--parallel", paramLabel = "N", description = "Trials at once (default: cores / threads_per_trial, or Spark's parallelism).")
    Integer parallel;

    @Option(names = "--spark", paramLabel = "MASTER", description = "Run trials as Spark tasks on this master, e.g. local[2] or spark://host:7077.")
    String sparkMaster;

    @Mixin
    ResultsOptions results;

    @Option(names = "--report", paramLabel = "DIR", description = "Report folder (default: DIR/sweeps/NAME).")
    Path reportDir;

    @Option(names = "--top", paramLabel = "K", defaultValue = "10", description = "Rows in the best-trials table (default: ${DEFAULT-VALUE}).")
    int top;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (parallel != null && parallel < 1) {
            throw new ParameterException(spec.commandLine(), "--parallel must be at least 1");
        }
        if (top < 1) {
            throw new ParameterException(spec.commandLine(), "--top must be at least 1");
        }
        if (reportDir != null && Files.exists(reportDir) && !Files.isDirectory(reportDir)) {
            throw new ParameterException(spec.commandLine(), "--report " + reportDir + " is not a folder");
        }
        SweepConfig config = new SweepConfigParser().parse(file);
        results.experimentDir(config.name());
        results.experimentDir("sweeps");
        try {
            TrialObjectives.require(config.objective().function(), config.objective().metric());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
        List<TrialRecord> trials = new SweepRunner().run(config, new RunOptions(results.dir(), results.db(), resume,
                parallel, sparkMaster, line -> {
                    out.println(line);
                    out.flush();
                }));
        Path dir = reportDir != null ? reportDir : results.dir().resolve("sweeps").resolve(config.name());
        SweepReport.write(config, trials, dir, top);
        out.println("report: " + dir.resolve("best-trials.md") + ", best config: " + dir.resolve(SweepReport.BEST_CONFIG));
        out.println("trials that trained are runs of experiment " + config.name() + ": attnlab list " + config.name()
                + " --results " + results.dir());
        long done = trials.stream().filter(t -> t.state() == TrialState.DONE).count();
        if (done == 0) {
            err.println("error: no trial succeeded (" + trials.size() + " trials: see the report for their errors)");
            return 1;
        }
        return 0;
    }
}
