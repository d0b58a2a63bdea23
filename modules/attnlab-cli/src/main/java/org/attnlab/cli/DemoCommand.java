package org.attnlab.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.attnlab.datasets.synthetic.SyntheticTask;
import org.attnlab.experiments.config.ExperimentConfig;
import org.attnlab.experiments.config.ExperimentLoader;
import org.attnlab.experiments.kinds.ModelKinds;
import org.attnlab.experiments.run.ConsoleProgress;
import org.attnlab.experiments.run.ExperimentRunner;
import org.attnlab.experiments.run.RunPlanner;
import org.attnlab.experiments.store.ResultsStore;
import org.attnlab.experiments.store.RunSummary;
import org.attnlab.models.attention.ScoreFunction;
import org.attnlab.models.runtime.RuntimeSettings;
import org.attnlab.models.support.ConfigValueException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Trains a small self-attention tagger on a synthetic task once per score function and prints a table: an experiment
 * built in memory (model kind {@code tagger}, one variant per score function) run by the experiments' runner.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Train a one-layer self-attention model on a synthetic task with each score function.")
final class DemoCommand implements Callable<Integer> {
    private static final int TEST_EXAMPLES = 512;

    /** Parses a score function by its config name; picocli reports an unknown name with the valid ones. */
    static final class ScoreFunctionConverter implements CommandLine.ITypeConverter<ScoreFunction> {
        @Override
        public ScoreFunction convert(String value) {
            try {
                return ScoreFunction.fromName(value);
            } catch (ConfigValueException e) {
                throw new CommandLine.TypeConversionException(e.reason());
            }
        }
    }

    @Option(names = "--task", defaultValue = "REVERSE",
            description = "Synthetic task: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).")
    SyntheticTask task;
    @Option(names = "--steps", defaultValue = "400", description = "Training steps per score function (default ${DEFAULT-VALUE}).")
    int steps;
    @Option(names = "--length", defaultValue = "8", description = "Sequence length (default ${DEFAULT-VALUE}).")
    int length;
    @Option(names = "--vocab", defaultValue = "10", description = "Token ids (default ${DEFAULT-VALUE}).")
    int vocab;
    @Option(names = "--batch", defaultValue = "32", description = "Batch size (default ${DEFAULT-VALUE}).")
    int batch;
    @Option(names = "--seed", defaultValue = "42", description = "Seed for data and weights (default ${DEFAULT-VALUE}).")
    long seed;
    @Option(names = "--scores", split = ",", defaultValue = "dot,scaled_dot,additive,general",
            converter = ScoreFunctionConverter.class,
            description = "Score functions to compare (default ${DEFAULT-VALUE}).")
    List<ScoreFunction> scores;

    @Option(names = "--results", paramLabel = "DIR",
            description = "Where the runs are filed (default: a new temporary folder).")
    Path results;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        requireIn("--steps", steps, 1, 1_000_000);
        requireIn("--length", length, 1, 512);
        requireIn("--vocab", vocab, 3, 100_000);
        requireIn("--batch", batch, 1, 4096);
        PrintWriter out = spec.commandLine().getOut();
        out.println("runtime: " + RuntimeSettings.current().summary());
        out.printf("task: %s, %d tokens over %d ids, batch %d, %d steps, seed %d%n",
                task.name().toLowerCase(Locale.ROOT), length, vocab, batch, steps, seed);
        Path dir = results != null ? results : Files.createTempDirectory("attnlab-demo-");
        List<RunSummary> done;
        try (ResultsStore store = ResultsStore.open(dir.resolve("attnlab.db"))) {
            ExperimentConfig demo = new ExperimentLoader(ModelKinds.load()).load(experiment(), Path.of("demo"));
            done = new ExperimentRunner(dir, store, ConsoleProgress.forConsole(out)).runAll(RunPlanner.plan(demo, false));
        }
        out.println();
        out.println("| score      | token accuracy | sequence accuracy | test loss  | time (s) |");
        out.println("|------------|---------------:|------------------:|-----------:|---------:|");
        for (RunSummary r : done) {
            out.printf(Locale.ROOT, "| %-10s | %14.3f | %17.3f | %10.4f | %8.1f |%n", r.variant(), r.testTokenAcc(),
                    r.testSeqAcc(), r.testLoss(), r.seconds());
        }
        out.printf("%nruns filed in %s: attnlab report demo --results %s%n", dir, dir);
        return done.stream().allMatch(r -> RunSummary.COMPLETED.equals(r.status())) ? 0 : 1;
    }

    /** The demo as an experiment: a tagger on the task, one variant per score function, one seed. */
    private ObjectNode experiment() {
        ObjectNode doc = JsonNodeFactory.instance.objectNode();
        doc.put("name", "demo");
        doc.putObject("dataset").put("task", task.name().toLowerCase(Locale.ROOT)).put("seq_len", length)
                .put("vocab", vocab).put("train_examples", steps * batch).put("test_examples", TEST_EXAMPLES);
        doc.putObject("model").put("kind", "tagger").put("d_model", 32).put("heads", 2).put("additive_hidden", 32);
        doc.putObject("training").put("learning_rate", 3e-3).put("batch_size", batch).put("steps", steps)
                .put("eval_every", steps);
        doc.putArray("seeds").add(seed);
        ObjectNode variants = doc.putObject("variants");
        for (ScoreFunction f : scores) {
            variants.putObject(f.configName()).putObject("model").put("score", f.configName());
        }
        return doc;
    }

    private void requireIn(String option, int value, int min, int max) {
        if (value < min || value > max) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    option + " must be between " + min + " and " + max + ", was " + value);
        }
    }
}
