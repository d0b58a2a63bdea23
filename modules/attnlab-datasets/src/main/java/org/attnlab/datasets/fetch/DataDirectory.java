package org.attnlab.datasets.fetch;

import java.nio.file.Path;
import java.util.Map;

/**
 * Chooses the dataset cache folder: an explicit option (CLI {@code --data-dir} or configuration) first,
 * then the environment variable {@value #ENV}, then {@code ~/.cache/attnlab/datasets}.
 */
public final class DataDirectory {

    /** Environment variable that overrides the default cache folder. */
    public static final String ENV = "ATTNLAB_DATA_DIR";

    private DataDirectory() {
    }

    /** Resolves against the real environment and home folder; {@code explicit} may be null. */
    public static Path resolve(Path explicit) {
        return resolve(explicit, System.getenv(), System.getProperty("user.home"));
    }

    /** Resolves against the given environment and home folder (for tests). */
    public static Path resolve(Path explicit, Map<String, String> env, String userHome) {
        if (explicit != null) {
            return explicit.toAbsolutePath();
        }
        String fromEnv = env.get(ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Path.of(fromEnv).toAbsolutePath();
        }
        return Path.of(userHome, ".cache", "attnlab", "datasets");
    }
}
