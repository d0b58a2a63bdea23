package org.attnlab.cli;

import org.attnlab.cli.bench.BenchCommand;
import java.io.PrintWriter;
import java.util.Map;
import org.attnlab.cli.datasets.DatasetsCommand;
import org.attnlab.cli.experiments.ListRunsCommand;
import org.attnlab.cli.experiments.ReportCommand;
import org.attnlab.cli.experiments.RunCommand;
import org.attnlab.cli.sweeps.SweepCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code attnlab} command: one entry point for every AttnLab job. */
@Command(name = "attnlab", mixinStandardHelpOptions = true, version = "AttnLab 0.1.0",
        description = "Attention mechanisms on Deeplearning4j / SameDiff: models, experiments, reports.",
        subcommands = {DemoCommand.class, RunCommand.class, ReportCommand.class, ListRunsCommand.class,
                DatasetsCommand.class, SweepCommand.class, BenchCommand.class})
public final class AttnLab implements Runnable {
    static final String MAX_PHYSICAL_BYTES = "org.bytedeco.javacpp.maxPhysicalBytes";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        skipPhysicalMemoryChecks();
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        System.exit(execute(out, err, System.getenv(), args));
    }

    /**
     * JavaCPP reads {@code /proc/self/statm} each time it creates a native pointer, to enforce
     * {@code org.bytedeco.javacpp.maxPhysicalBytes}; SameDiff creates several per op (shape descriptors, op contexts,
     * outputs), and those reads were about a third of a small model's training step. With the limit at 0 JavaCPP skips
     * them. Native buffers are still freed: training sessions close dead arrays at once, and ND4J frees the rest when
     * Java collects their owners. Set the property explicitly (e.g. in {@code ATTNLAB_JAVA_OPTS}) to keep a limit.
     * Must run before ND4J loads.
     */
    static void skipPhysicalMemoryChecks() {
        if (System.getProperty(MAX_PHYSICAL_BYTES) == null) {
            System.setProperty(MAX_PHYSICAL_BYTES, "0");
        }
    }

    /**
     * Runs the command line {@code args} with environment {@code env} and returns its exit code; never throws:
     * whatever goes wrong is one line on {@code err} (see {@link ErrorLines}).
     */
    static int execute(PrintWriter out, PrintWriter err, Map<String, String> env, String... args) {
        ErrorLines errors = new ErrorLines("1".equals(env.get(ErrorLines.DEBUG_ENV)));
        String omp = RuntimeChecks.ompProblem(env);
        if (omp != null) {
            err.println("error: " + omp);
            err.flush();
            return 2;
        }
        try {
            return new CommandLine(new AttnLab()).setOut(out).setErr(err)
                    .setExecutionExceptionHandler(errors).setParameterExceptionHandler(errors).execute(args);
        } catch (RuntimeException | Error e) {                   // errors such as OutOfMemoryError escape picocli
            return errors.report(e, err);
        } finally {
            out.flush();
        }
    }
}
