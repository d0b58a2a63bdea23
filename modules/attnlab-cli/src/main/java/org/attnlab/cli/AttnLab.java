package org.attnlab.cli;

import org.attnlab.datasets.cli.DatasetsCommand;
import org.attnlab.experiments.cli.ListCommand;
import org.attnlab.experiments.cli.ReportCommand;
import org.attnlab.experiments.cli.RunCommand;
import org.attnlab.sweeps.cli.SweepCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code attnlab} command: one entry point for every AttnLab job. */
@Command(name = "attnlab", mixinStandardHelpOptions = true, version = "AttnLab 0.1.0",
        description = "Attention mechanisms on Deeplearning4j / SameDiff: models, experiments, reports.",
        subcommands = {DemoCommand.class, RunCommand.class, ReportCommand.class, ListCommand.class,
                DatasetsCommand.class, SweepCommand.class, BenchCommand.class})
public final class AttnLab implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new AttnLab()).execute(args));
    }
}
