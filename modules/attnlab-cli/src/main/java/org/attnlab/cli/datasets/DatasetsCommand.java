package org.attnlab.cli.datasets;

import org.attnlab.datasets.fetch.DataDirectory;
import org.attnlab.datasets.fetch.DatasetStore;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * {@code datasets list | fetch NAME | verify NAME}: the dataset cache from the command line.
 * Exit codes: 0 success, 1 failure (fetch or checksum error), 2 usage error.
 */
@Command(name = "datasets", mixinStandardHelpOptions = true,
        description = "List, fetch and verify the datasets of the catalogue.",
        subcommands = {ListDatasetsCommand.class, FetchCommand.class, VerifyCommand.class})
public final class DatasetsCommand implements Runnable {

    @Option(names = "--data-dir", scope = CommandLine.ScopeType.INHERIT, paramLabel = "DIR",
            description = "Dataset cache folder (default: $" + DataDirectory.ENV + " or ~/.cache/attnlab/datasets).")
    Path dataDir;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand: list, fetch or verify");
    }

    /** A store over the chosen folder whose progress lines go to {@code out}. */
    DatasetStore store(PrintWriter out) {
        return DatasetStore.open(dataDir, line -> {
            out.println(line);
            out.flush();
        });
    }

    /** Runs the command with {@code args} and returns its exit code. */
    public static int run(String... args) {
        return new CommandLine(new DatasetsCommand()).execute(args);
    }

    /** Entry point for running this command on its own. */
    public static void main(String[] args) {
        System.exit(run(args));
    }
}
