package org.attnlab.cli;

import org.attnlab.cli.bench.BenchCommand;
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
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new AttnLab()).execute(args));
    }
}
