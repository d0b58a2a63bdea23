package org.attnlab.experiments.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.attnlab.experiments.store.ResultsStore;
import org.attnlab.experiments.store.RunDirectory;
import org.attnlab.experiments.store.RunSummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes the folders of ensembles that were killed and whose runs have since ended another way (trained by another
 * process, alone or in another ensemble), so nothing would ever resume from them. Runs that failed keep the folder:
 * their next run resumes from it.
 */
final class EnsembleHomes {
    private static final Logger LOG = LoggerFactory.getLogger(EnsembleHomes.class);

    private EnsembleHomes() {
    }

    /** Deletes each {@code ensemble-*} folder in {@code experimentDir} whose saved runs have all completed in {@code store}. */
    static void removeEnded(Path experimentDir, ResultsStore store) {
        if (!Files.isDirectory(experimentDir)) {
            return;
        }
        try (DirectoryStream<Path> homes = Files.newDirectoryStream(experimentDir, "ensemble-*")) {
            for (Path home : homes) {
                if (Files.isDirectory(home, LinkOption.NOFOLLOW_LINKS) && ended(home, store)) {
                    deleteTree(home);
                    LOG.info("removed {}: its runs have completed", home.getFileName());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clean " + experimentDir, e);
        }
    }

    private static boolean ended(Path home, ResultsStore store) {
        EnsembleState state;
        try {
            state = new RunDirectory(home).readJson(RunRecords.STATE, EnsembleState.class);
        } catch (UncheckedIOException e) {
            return false;                     // the next run of these runs names and discards it
        }
        return state != null && state.members().stream().map(m -> store.run(m.runId()))
                .allMatch(s -> s != null && RunSummary.COMPLETED.equals(s.status()));
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
