package org.attnlab.cli.datasets;

import org.attnlab.datasets.catalog.DatasetSpec;
import org.attnlab.datasets.fetch.DatasetStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** {@code datasets list}: each catalogue entry with its source, licence and whether it is cached. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List the catalogue and the cache status.")
public final class ListDatasetsCommand implements Callable<Integer> {

    @ParentCommand
    DatasetsCommand parent;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        DatasetStore store = parent.store(out);
        out.println("cache: " + store.root());
        out.printf("%-15s %-10s %-45s %s%n", "NAME", "STATUS", "SOURCE", "LICENCE");
        for (DatasetSpec d : store.catalog().datasets()) {
            out.printf("%-15s %-10s %-45s %s%n", d.name(), store.status(d.name()), d.source().describe(), d.licence());
        }
        out.flush();
        return 0;
    }
}
