package org.attnlab.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.attnlab.datasets.synthetic.SyntheticTask;
import org.attnlab.models.attention.AttentionConfig;
import org.attnlab.models.attention.ScoreFunction;
import org.attnlab.models.runtime.RuntimeSettings;
import org.attnlab.models.tasks.SequenceTaggerConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Trains a small self-attention tagger on a synthetic task once per score function and prints a table. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Train a one-layer self-attention model on a synthetic task with each score function.")
final class DemoCommand implements Callable<Integer> {
    /** Parses a score function by its config name; picocli reports an unknown name with the valid ones. */
    static final class ScoreFunctionConverter implements CommandLine.ITypeConverter<ScoreFunction> {
        @Override
        public ScoreFunction convert(String value) {
            try {
                return ScoreFunction.fromName(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
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

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        out.println("runtime: " + RuntimeSettings.current().summary());
        out.printf("task: %s, %d tokens over %d ids, batch %d, %d steps, seed %d%n",
                task.name().toLowerCase(Locale.ROOT), length, vocab, batch, steps, seed);
        List<DemoTrainer.Result> results = new ArrayList<>();
        for (ScoreFunction f : scores) {
            SequenceTaggerConfig cfg = new SequenceTaggerConfig(vocab, length, 32, 2,
                    new AttentionConfig(f, 32, false, AttentionConfig.NO_WINDOW));
            DemoTrainer.Result r = new DemoTrainer(cfg, task, batch, steps, seed).train();
            results.add(r);
            out.printf("  %-10s token accuracy %.3f  (%.1f s)%n", f.configName(), r.accuracy(), r.seconds());
        }
        out.println();
        out.println("| score      | token accuracy | sequence accuracy | final loss | time (s) |");
        out.println("|------------|---------------:|------------------:|-----------:|---------:|");
        for (DemoTrainer.Result r : results) {
            out.printf("| %-10s | %14.3f | %17.3f | %10.4f | %8.1f |%n", r.score(), r.accuracy(),
                    r.sequenceAccuracy(), r.loss(), r.seconds());
        }
        return 0;
    }
}
