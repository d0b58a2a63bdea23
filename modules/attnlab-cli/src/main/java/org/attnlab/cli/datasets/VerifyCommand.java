package org.attnlab.cli.datasets;

import org.attnlab.datasets.fetch.DatasetStore;
import picocli.CommandLine.Command;

import java.io.IOException;

/** {@code datasets verify NAME}: re-checks the SHA-256 of every cached file of a dataset. */
@Command(name = "verify", mixinStandardHelpOptions = true, description = "Check a cached dataset against the catalogue checksums.")
public final class VerifyCommand extends DatasetAction {

    @Override
    String act(DatasetStore store, String dataset) throws IOException {
        store.verify(dataset);
        return dataset + ": all checksums match";
    }
}
