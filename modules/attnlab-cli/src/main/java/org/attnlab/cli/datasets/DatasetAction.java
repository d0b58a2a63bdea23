package org.attnlab.cli.datasets;

import org.attnlab.datasets.fetch.DatasetStore;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** Base of the subcommands acting on one named dataset: runs the action and turns failures into exit code 1. */
abstract class DatasetAction implements Callable<Integer> {

    @ParentCommand
    DatasetsCommand parent;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME", description = "Dataset name, as shown by 'datasets list'.")
    String name;

    /** Does the work; returns the line reported on success. */
    abstract String act(DatasetStore store, String dataset) throws IOException;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try {
            out.println(act(parent.store(out), name));
            out.flush();
            return 0;
        } catch (IOException | IllegalArgumentException e) {
            out.flush();
            PrintWriter err = spec.commandLine().getErr();
            err.println("error: " + e.getMessage());
            err.flush();
            return 1;
        }
    }
}
