package org.attnlab.cli.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.attnlab.bench.BenchSuite;
import org.attnlab.bench.cases.BenchCase;
import org.attnlab.bench.cases.Cases;
import org.attnlab.bench.cases.ExperimentCase;
import org.attnlab.bench.cases.ExperimentModel;
import org.attnlab.bench.cases.Shapes;
import org.attnlab.bench.cases.Workload;
import org.attnlab.bench.measure.GemmPeak;
import org.attnlab.bench.measure.ParameterDigest;
import org.attnlab.bench.profile.OpCounts;
import org.attnlab.bench.profile.StepProfile;
import org.attnlab.bench.report.ResultTables;
import org.attnlab.bench.report.SuiteResult;
import org.attnlab.experiments.config.ConfigException;
import org.attnlab.experiments.run.LibraryChatter;
import org.attnlab.experiments.run.TrainingSteps;
import org.attnlab.models.runtime.RuntimeSettings;
import org.nd4j.linalg.api.buffer.DataType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code attnlab bench}: times training steps of attention layers, encoder layers and whole experiment models. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Time training steps (median, min, max ms; tokens/s; GFLOP/s against a gemm rate measured in the "
                + "same run; peak RSS) and write attnlab.csv and attnlab.md to the output folder.",
                "Groups: attention, encoder, additive, models, ensembles, data, fixed-work; --list shows every case."})
public final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Option(names = "--cases", defaultValue = "all",
            description = "Comma-separated cases or groups, or all (default ${DEFAULT-VALUE}).")
    String cases;
    @Option(names = "--warmup", defaultValue = "3", description = "Untimed steps per case (default ${DEFAULT-VALUE}).")
    int warmup;
    @Option(names = "--iterations", defaultValue = "10",
            description = "Timed steps per case; the median is reported (default ${DEFAULT-VALUE}).")
    int iterations;
    @Option(names = "--threads",
            description = "ND4J threads (libnd4j, BLAS); default: as the environment sets them (OMP_NUM_THREADS).")
    Integer threads;
    @Option(names = "--out", defaultValue = "results/benchmarks/latest",
            description = "Folder for attnlab.csv and attnlab.md (default ${DEFAULT-VALUE}).")
    Path out;
    @Option(names = "--experiments", defaultValue = "experiments",
            description = "Folder holding " + Cases.QUICKSTART + " and " + Cases.TRANSFORMER
                    + " for the model and data cases (default ${DEFAULT-VALUE}).")
    Path experiments;
    @Option(names = "--gemm-size", defaultValue = "1024",
            description = "n of the [n, n] float32 products the matrix-multiply rate is measured on (default ${DEFAULT-VALUE}).")
    int gemmSize;
    @Option(names = {"--small", "--smoke"},
            description = "Tiny shapes (B=2, T=4, d=8, 2 heads) and a 64x64 gemm: checks that the suite runs, measures nothing.")
    boolean small;
    @Option(names = "--list", description = "List the selected cases (name, tab, description) and exit.")
    boolean list;
    @Option(names = "--profile", description = {"Profile the selected training cases instead of timing them. Model "
            + "cases: ops per step and their mean cost (per-op listener), time outside ops, new output buffers per "
            + "step, the per-call cost of sd.fit(batch) against the kept training session and one fit over an "
            + "iterator, and the replayed steps' op times. Layer cases (attention, encoder, additive): the replayed "
            + "steps' op times. Prints and writes profile-CASE.md.",
            "Use many steps, e.g. --cases quickstart-step --profile --iterations 200."})
    boolean profile;
    @Option(names = "--op-counts", description = {"Count the op executions of a training step by op type for the "
            + "selected model and ensemble cases, forward and backward, over --iterations steps after --warmup "
            + "(at least 1) steps; nothing is timed, so the counts do not depend on the machine's load. Also prints "
            + "a SHA-256 of the trained parameters (equal digests at two commits: bit-identical training). Prints "
            + "and writes ops-CASE.md.", "E.g. --cases models,ensembles --op-counts --warmup 1 --iterations 2."})
    boolean opCounts;
    @Option(names = "--gemm-types", description = {"Measure libnd4j's matmul op (what a graph's products run) at "
            + "--gemm-size in float32, bfloat16 and float16 (median of --iterations products after --warmup) and each type's relative error "
            + "against float32 on the same inputs, instead of running cases; prints and writes gemm-types.md."})
    boolean gemmTypes;
    @Option(names = "--rounds", defaultValue = "3",
            description = "With --profile: rounds of the per-call comparison (default ${DEFAULT-VALUE}).")
    int rounds;

    @Override
    public Integer call() {
        String bad = warmup < 0 ? "--warmup must be >= 0, was " + warmup
                : iterations < 1 ? "--iterations must be >= 1, was " + iterations
                : threads != null && threads < 1 ? "--threads must be >= 1, was " + threads
                : gemmSize < 1 ? "--gemm-size must be >= 1, was " + gemmSize
                : rounds < 1 ? "--rounds must be >= 1, was " + rounds : null;
        if (bad != null) {
            err().println("error: " + bad);
            return 2;
        }
        if (threads != null) {
            BenchSuite.useThreads(threads);
        }
        if (gemmTypes) {
            return gemmTypes(small ? 64 : gemmSize);
        }
        Shapes shapes = small ? Shapes.SMOKE : Shapes.DEFAULT;
        List<BenchCase> selected;
        try {
            selected = new Cases(shapes, experiments).select(cases);
        } catch (IllegalArgumentException e) {
            err().println("error: --cases: " + e.getMessage());
            return 2;
        }
        if (list) {
            selected.forEach(c -> out().println(c.name() + "\t" + c.description()));
            out().flush();
            return 0;
        }
        for (Path p : selected.stream().flatMap(c -> c.inputs().stream()).distinct().toList()) {
            if (!Files.isRegularFile(p)) {
                err().println("error: --experiments: " + p + " not found (run from the project folder or give "
                        + "--experiments DIR)");
                return 2;
            }
            try {
                ExperimentModel.load(p);
            } catch (ConfigException e) {
                err().println("error: " + e.getMessage());
                return 2;
            }
        }
        if (profile) {
            return profile(selected);
        }
        if (opCounts) {
            return opCounts(selected);
        }
        BenchSuite suite = new BenchSuite(warmup, iterations, small ? 64 : gemmSize);
        out().println("runtime: " + RuntimeSettings.current().summary());
        SuiteResult result = LibraryChatter.suppressed(() -> suite.run(selected, out()));
        try {
            ResultTables.write(result, "attnlab " + String.join(" ", spec.commandLine().getParseResult().originalArgs()),
                    out);
        } catch (UncheckedIOException e) {
            err().println("error: --out: cannot write " + out + ": " + e.getCause().getMessage()
                    + " (the figures are printed above)");
            return 1;
        }
        out().println("wrote " + out.resolve("attnlab.csv") + " and " + out.resolve("attnlab.md"));
        return 0;
    }

    private static List<ExperimentCase> trainingCases(List<BenchCase> selected) {
        return selected.stream().filter(ExperimentCase.class::isInstance).map(ExperimentCase.class::cast)
                .filter(ExperimentCase::trains).toList();
    }

    /** The heading of a model case's op-count or profile report: case name and the experiment's first variant. */
    private static String label(ExperimentCase c, ExperimentModel model) {
        return c.name() + " (" + model.label() + ")";
    }

    private int opCounts(List<BenchCase> selected) {
        List<ExperimentCase> models = trainingCases(selected);
        if (models.isEmpty()) {
            err().println("error: --op-counts: select a model or ensemble case (--cases models,ensembles)");
            return 2;
        }
        for (ExperimentCase c : models) {
            ExperimentModel model = ExperimentModel.load(c.file());
            TrainingSteps run = c.trainingSteps(model);
            OpCounts counts = LibraryChatter.suppressed(() -> OpCounts.of(label(c, model), run,
                    Math.max(1, warmup), iterations));
            String md = "# Ops per training step: " + c.name() + "\n\n" + counts.table() + "\nParameters after "
                    + (Math.max(1, warmup) + iterations) + " training steps: SHA-256 "
                    + ParameterDigest.of(run.model().sd()) + "\n";
            out().println(md);
            if (!write("ops-" + c.name() + ".md", md)) {
                return 1;
            }
        }
        return 0;
    }

    private int profile(List<BenchCase> selected) {
        List<ExperimentCase> models = trainingCases(selected);
        List<BenchCase> layers = selected.stream().filter(c -> !(c instanceof ExperimentCase)).toList();
        if (models.isEmpty() && layers.isEmpty()) {
            err().println("error: --profile: select a training case (--cases models, ensembles, encoder, attention, "
                    + "additive, quickstart-step, ...)");
            return 2;
        }
        out().println("runtime: " + RuntimeSettings.current().summary());
        for (ExperimentCase c : models) {
            String md;
            try {
                md = LibraryChatter.suppressed(() -> {
                    ExperimentModel model = ExperimentModel.load(c.file());
                    return StepProfile.run(label(c, model), c.trainingSteps(model), warmup, iterations, rounds);
                });
            } catch (IllegalArgumentException e) {
                err().println("error: --profile: " + e.getMessage());
                return 2;
            }
            if (!report(c, md)) {
                return 1;
            }
        }
        for (BenchCase c : layers) {
            Workload w = LibraryChatter.suppressed(c::prepare);
            String md = LibraryChatter.suppressed(() -> StepProfile.replayed(c.name() + " (" + c.description() + ")",
                    w.step(), w.session(), Math.max(1, warmup), iterations));
            if (!report(c, md)) {
                return 1;
            }
        }
        return 0;
    }

    private int gemmTypes(int n) {
        StringBuilder md = new StringBuilder(String.format(Locale.ROOT, "# libnd4j matmul [%d, %d] x [%d, %d] by "
                + "type%n%nruntime: %s%n%n| type | GFLOP/s (median of %d after %d) | relative error against float32 "
                + "|%n| --- | --- | --- |%n", n, n, n, n, RuntimeSettings.current().summary(), iterations,
                Math.max(warmup, 1)));
        for (DataType t : List.of(DataType.FLOAT, DataType.BFLOAT16, DataType.HALF)) {
            double gflops = GemmPeak.matmulGflops(n, t, Math.max(warmup, 1), iterations, GemmPeak.SEED);
            md.append(String.format(Locale.ROOT, "| %s | %.2f | %.2e |%n", t.name().toLowerCase(Locale.ROOT), gflops,
                    GemmPeak.relativeError(n, t, GemmPeak.SEED)));
        }
        out().println(md);
        return write("gemm-types.md", md.toString()) ? 0 : 1;
    }

    /** Prints the profile {@code md} of {@code c} and writes it to profile-CASE.md; false when it cannot be written. */
    private boolean report(BenchCase c, String md) {
        out().println(md);
        return write("profile-" + c.name() + ".md", md);
    }

    /** Writes {@code text} to {@code file} in the output folder; false (with a line) when it cannot. */
    private boolean write(String file, String text) {
        try {
            Files.createDirectories(out);
            Files.writeString(out.resolve(file), text);
        } catch (IOException e) {
            err().println("error: --out: cannot write " + out + ": " + e.getMessage());
            return false;
        }
        out().println("wrote " + out.resolve(file));
        return true;
    }

    private PrintWriter out() {
        return spec.commandLine().getOut();
    }

    private PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
