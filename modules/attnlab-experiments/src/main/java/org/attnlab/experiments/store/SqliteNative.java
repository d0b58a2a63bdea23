package org.attnlab.experiments.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the SQLite driver unpacks its native library: a folder of the user's cache ({@code ~/.cache/attnlab/sqlite})
 * instead of {@code /tmp}, so that copies left by killed processes do not pile up in the shared temp folder (the
 * driver removes stale copies from its folder when it loads). An explicit {@code -Dorg.sqlite.tmpdir} wins.
 */
public final class SqliteNative {
    private static final String PROPERTY = "org.sqlite.tmpdir";

    private SqliteNative() {
    }

    /** Points the driver at the cache folder unless told otherwise; call before the first connection. */
    public static synchronized void useCacheFolder() {
        if (System.getProperty(PROPERTY) != null) {
            return;
        }
        Path dir = Path.of(System.getProperty("user.home"), ".cache", "attnlab", "sqlite");
        try {
            Files.createDirectories(dir);
            System.setProperty(PROPERTY, dir.toString());
        } catch (IOException | SecurityException e) {
            // no cache folder (read-only home): the driver keeps its default, the temp folder
        }
    }
}
