package org.attnlab.datasets.fetch;

import org.apache.commons.io.file.PathUtils;
import org.attnlab.datasets.catalog.DatasetCatalog;
import org.attnlab.datasets.catalog.DatasetSpec;
import org.attnlab.datasets.catalog.FileSpec;

import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.Consumer;

/**
 * The dataset cache: {@code ROOT/NAME/} holds a dataset's verified files. A dataset is fetched on first use,
 * staged in a temporary folder under ROOT, verified against the catalogue and moved into place atomically,
 * so a failed or partial fetch leaves nothing behind; once present it is never fetched again.
 */
public final class DatasetStore {

    private final Path root;
    private final DatasetCatalog catalog;
    private final SourceFetcher fetcher;
    private final Consumer<String> progress;

    /** A store over {@code root} using {@code fetcher}; {@code progress} receives one-line status messages. */
    public DatasetStore(Path root, DatasetCatalog catalog, SourceFetcher fetcher, Consumer<String> progress) {
        this.root = root;
        this.catalog = catalog;
        this.fetcher = fetcher;
        this.progress = progress;
    }

    /** The bundled catalogue and this machine's package clients, in the folder chosen by {@link DataDirectory}. */
    public static DatasetStore open(Path explicitRoot, Consumer<String> progress) {
        return new DatasetStore(DataDirectory.resolve(explicitRoot), DatasetCatalog.bundled(),
                SourceFetcher.standard(), progress);
    }

    /** The cache folder. */
    public Path root() {
        return root;
    }

    /** The catalogue this store serves. */
    public DatasetCatalog catalog() {
        return catalog;
    }

    /** Where dataset {@code name} lives once fetched. */
    public Path location(String name) {
        return root.resolve(catalog.get(name).name());
    }

    /** True when dataset {@code name} has been fetched. */
    public boolean isCached(String name) {
        return Files.isDirectory(location(name));
    }

    /**
     * What {@code datasets list} shows for dataset {@code name}: "-" when it has not been fetched, "incomplete" when a
     * file or folder of its catalogue entry is missing from the cache (a fetch or use then names it), else "cached".
     * Contents are not hashed here; every use re-verifies changed files.
     */
    public String status(String name) {
        Path dir = location(name);
        if (!Files.isDirectory(dir)) {
            return "-";
        }
        boolean whole = catalog.get(name).files().stream().allMatch(f -> f.isDirectory()
                ? Files.isDirectory(dir.resolve(f.path())) : Files.isRegularFile(dir.resolve(f.path())));
        return whole ? "cached" : "incomplete";
    }

    /**
     * Returns the folder of dataset {@code name}, fetching and verifying it first if it is not cached. A cached copy
     * is re-verified against the catalogue checksums when any of its files changed size or time since it last passed.
     *
     * @throws ChecksumMismatchException when a cached file no longer matches the catalogue
     */
    public Path fetch(String name) throws IOException {
        DatasetSpec spec = catalog.get(name);
        Path target = location(name);
        if (Files.isDirectory(target)) {
            new VerificationCache(root).verify(spec, target);
            return target;
        }
        if (Files.exists(root) && !Files.isDirectory(root)) {
            throw new IOException("the dataset cache " + root + " is not a folder (it comes from ATTNLAB_DATA_DIR or "
                    + "--data-dir)");
        }
        Files.createDirectories(root);
        Path stage = Files.createTempDirectory(root, ".staging-" + name + "-");
        try {
            Path out = stage.resolve("out");
            fetcher.fetch(spec, stage.resolve("work"), out, progress);
            verifyFiles(spec, out);
            try {
                Files.move(out, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | DirectoryNotEmptyException concurrentFetch) {
                progress.accept(name + " was fetched concurrently; keeping that copy");
            }
            progress.accept(name + ": verified " + spec.files().size() + " entries into " + target);
            return target;
        } finally {
            PathUtils.deleteDirectory(stage);
        }
    }

    /** Re-checks the SHA-256 of every file of a cached dataset; throws if it is not cached or a file differs. */
    public void verify(String name) throws IOException {
        Path target = location(name);
        if (!Files.isDirectory(target)) {
            throw new IOException("dataset " + name + " is not in the cache " + root + "; fetch it first");
        }
        verifyFiles(catalog.get(name), target);
    }

    private void verifyFiles(DatasetSpec spec, Path dir) throws IOException {
        for (FileSpec file : spec.files()) {
            Sha256.check(dir.resolve(file.path()), file.isDirectory(), file.sha256());
            progress.accept("ok " + spec.name() + "/" + file.path());
        }
    }
}
