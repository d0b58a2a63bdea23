package org.attnlab.experiments.report;

import org.attnlab.experiments.store.RecordFiles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.nio.file.Path;
import java.util.List;
import org.attnlab.experiments.config.DatasetConfig;
import org.attnlab.experiments.kinds.DataKind;
import org.attnlab.experiments.kinds.ModelKinds;
import org.attnlab.experiments.run.AlignmentErrors;
import org.attnlab.experiments.run.TestCheckpoint;
import org.attnlab.experiments.store.MetricRow;
import org.attnlab.experiments.store.ResultsStore;
import org.attnlab.experiments.store.RunSummary;

/**
 * What a report knows of one run: its summary and validation curve from the results database, and from its folder
 * the dataset section of {@code config.yaml} (which task it ran on), the data its model kind reads, the tested
 * checkpoint and the environment.
 *
 * @param summary     the run's row
 * @param curve       validation points by step
 * @param dataset     the resolved dataset section (null when the folder has no config)
 * @param tested      which weights were tested (null for runs recorded before the choice was written)
 * @param environment {@code environment.json} (an empty node when missing)
 * @param data        what the run's model kind reads ({@link DataKind#SEQUENCES} when its config or kind is unknown)
 * @param alignment   alignment error rates of its attention maps on the test split (empty where the data's alignment
 *                    is unknown)
 */
public record RunRecord(RunSummary summary, List<MetricRow> curve, JsonNode dataset, TestCheckpoint tested,
                        JsonNode environment, DataKind data, List<AlignmentErrors.Score> alignment) {
    private static final ModelKinds KINDS = ModelKinds.load();

    /** Reads the record of {@code summary} from {@code store} and its folder under {@code runsDir}. */
    public static RunRecord load(ResultsStore store, Path runsDir, RunSummary summary) {
        Path dir = runsDir.resolve(summary.runId());
        JsonNode config = RecordFiles.readOr(dir.resolve("config.yaml"), null, f -> new YAMLMapper().readTree(f));
        JsonNode dataset = config == null ? null : config.path("dataset");
        ObjectMapper json = new ObjectMapper();
        TestCheckpoint tested = RecordFiles.readOr(dir.resolve(TestCheckpoint.FILE), null,
                f -> json.readValue(f, TestCheckpoint.class));
        JsonNode environment = RecordFiles.readOr(dir.resolve("environment.json"), json.createObjectNode(),
                json::readTree);
        return new RunRecord(summary, store.metrics(summary.runId()), dataset, tested, environment,
                data(config == null ? "" : config.path("model").path("kind").asText("")), AlignmentErrors.read(dir));
    }

    /** Alignment error rate of the first target-by-source attention map; NaN where the alignment is unknown. */
    public double alignmentError() {
        return alignment.isEmpty() ? Double.NaN : alignment.get(0).aer();
    }

    /** The data kind {@code name} reads; {@link DataKind#SEQUENCES} for a kind this version does not know. */
    public static DataKind data(String kindName) {
        try {
            return KINDS.find(kindName).data();
        } catch (IllegalArgumentException e) {
            return DataKind.SEQUENCES;
        }
    }

    /**
     * Token accuracy of guessing ({@link DatasetConfig#chanceAccuracy}); NaN when unknown: translation, no config, or
     * a dataset section this version cannot read (a run recorded by another version), so the chance flag stays quiet.
     */
    public double chance() {
        if (dataset == null || dataset.isMissingNode() || DatasetConfig.TRANSLATION.equals(dataset.path("kind").asText())) {
            return Double.NaN;
        }
        try {
            return DatasetConfig.fromTree(dataset).chanceAccuracy();
        } catch (IllegalArgumentException e) {
            return Double.NaN;
        }
    }
}
