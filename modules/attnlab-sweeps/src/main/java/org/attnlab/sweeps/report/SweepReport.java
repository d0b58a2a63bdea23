package org.attnlab.sweeps.report;

import org.attnlab.config.Yaml;
import org.attnlab.sweeps.config.Direction;
import org.attnlab.sweeps.config.ParamSpec;
import org.attnlab.sweeps.config.SweepConfig;
import org.attnlab.sweeps.objective.BaseExperiment;
import org.attnlab.sweeps.objective.TrialObjectives;
import org.attnlab.sweeps.store.TrialRecord;
import org.attnlab.sweeps.store.TrialState;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Writes a sweep's report into a folder: {@code best-trials.md}, one {@code scatter-KEY.png} per parameter and
 * {@code best-config.yaml}, the base experiment with the best trial's parameters applied, ready to run.
 */
public final class SweepReport {

    /** File name of the best trial's experiment config. */
    public static final String BEST_CONFIG = "best-config.yaml";

    private SweepReport() {
    }

    /** Writes the report of {@code trials} into {@code dir} (created if needed); returns the files written. */
    public static List<Path> write(SweepConfig config, List<TrialRecord> trials, Path dir, int top) throws IOException {
        Files.createDirectories(dir);
        Comparator<TrialRecord> byScore = Comparator.comparingDouble(TrialRecord::score);
        List<TrialRecord> ranked = trials.stream().filter(t -> t.state() == TrialState.DONE)
                .sorted(config.objective().direction() == Direction.MIN ? byScore : byScore.reversed())
                .toList();
        List<Path> written = new ArrayList<>();
        written.add(Files.writeString(dir.resolve("best-trials.md"), BestTrialsTable.markdown(config, ranked, trials, top)));
        for (ParamSpec spec : config.parameters()) {
            written.add(ScatterPlots.write(spec, config.parameters(), trials, config.objective().metric(), dir));
        }
        if (!ranked.isEmpty()) {
            written.add(writeBestConfig(config, ranked.get(0), dir.resolve(BEST_CONFIG)));
        }
        return written;
    }

    private static Path writeBestConfig(SweepConfig config, TrialRecord best, Path file) throws IOException {
        BaseExperiment base = BaseExperiment.load(config.baseFile());
        String header = "# Best trial " + best.index() + " of sweep " + config.name() + ": "
                + config.objective().metric() + " = " + best.score() + "\n# Base experiment: " + config.baseFile() + "\n";
        return Files.writeString(file, header + Yaml.write(TrialObjectives.factory(
                config.objective().function()).runnableConfig(base, best.params(), config.name())));
    }
}
