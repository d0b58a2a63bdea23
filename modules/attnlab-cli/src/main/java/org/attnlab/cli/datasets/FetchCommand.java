package org.attnlab.cli.datasets;

import org.attnlab.datasets.fetch.DatasetStore;
import picocli.CommandLine.Command;

import java.io.IOException;

/** {@code datasets fetch NAME}: downloads, unpacks and verifies a dataset unless it is already cached. */
@Command(name = "fetch", mixinStandardHelpOptions = true, description = "Fetch a dataset into the cache (once).")
public final class FetchCommand extends DatasetAction {

    @Override
    String act(DatasetStore store, String dataset) throws IOException {
        boolean cached = store.isCached(dataset);
        return dataset + (cached ? " already cached in " : " ready in ") + store.fetch(dataset);
    }
}
