package org.attnlab.experiments.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Keeps writes inside the results folder: a folder that AttnLab writes into below it (an experiment's, its runs',
 * its report's) must not be a symbolic link, which could point anywhere. The results folder itself may be one.
 */
public final class ResultsFolder {
    private ResultsFolder() {
    }

    /**
     * {@code root/name}, the folder of experiment (or sweep) {@code name}, once neither it nor a folder in it is a
     * symbolic link.
     *
     * @throws StoreException naming the link
     */
    public static Path experiment(Path root, String name) {
        Path dir = root.resolve(name);
        refuseLink(dir);
        if (Files.isDirectory(dir)) {
            try (Stream<Path> children = Files.list(dir)) {
                children.forEach(ResultsFolder::refuseLink);
            } catch (IOException e) {
                throw new StoreException("cannot list " + dir, e);
            }
        }
        return dir;
    }

    private static void refuseLink(Path p) {
        if (Files.isSymbolicLink(p)) {
            throw new StoreException(p + " is a symbolic link: AttnLab writes only inside the results folder; "
                    + "replace the link with a folder", null);
        }
    }
}
