package org.attnlab.experiments.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.attnlab.experiments.kinds.TrainableModel;
import org.attnlab.experiments.store.AtomicFiles;
import org.attnlab.experiments.store.ResultsStore;
import org.attnlab.experiments.store.RunDirectory;
import org.attnlab.experiments.store.RunSummary;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every run writes, whether trained alone ({@link Trainer}) or as an ensemble member ({@link EnsembleTrainer}):
 * its opening files, the checkpoint files of a validation, and its ending (test on the checkpoint the
 * best-checkpoint rule picks, final model, summary, results store).
 */
final class RunRecords {
    private static final Logger LOG = LoggerFactory.getLogger(RunRecords.class);
    /** The training state of a single run, in its folder. */
    static final String STATE = "state.json";
    /** The names of checkpoint files, as a glob. */
    private static final String CHECKPOINTS = "checkpoint-*.sd";

    private final ResultsStore store;
    private final RunProgress progress;

    RunRecords(ResultsStore store, RunProgress progress) {
        this.store = store;
        this.progress = progress;
    }

    ResultsStore store() {
        return store;
    }

    /** Removes half-written files and writes the run's resolved config and environment. */
    void open(RunSpec spec, RunDirectory dir) {
        if (dir.removeLeftovers() > 0) {
            LOG.info("{}: removed files left half-written by an earlier process", spec.runId());
        }
        dir.writeText("config.yaml", resolvedYaml(spec));
        dir.writeJson(Environment.FILE, Environment.capture(spec.seed()));
    }

    /** Writes the metric rows of {@code state} and renews the run's claim; deletes what {@code before} kept only. */
    void recordValidation(RunSpec spec, RunDirectory dir, TrainingState before, TrainingState state) {
        dir.writeMetrics(state.rows(), spec.variant().model().kind().metrics());
        store.putMetrics(spec.runId(), state.rows());
        store.claims().renew(spec.runId());
        state.obsolete(before).forEach(f -> delete(dir.path().resolve(f)));
    }

    /**
     * Tests the checkpoint {@link TestCheckpoint} picks ({@code model} itself when that is the last step, else the
     * best checkpoint file), writes the final model and summary and ends the run as completed.
     */
    RunSummary complete(RunSpec spec, RunDirectory dir, TrainableModel current, DataSource data, TrainingState state,
                        long step, long batchesPerEpoch, RunSummary started) {
        TestCheckpoint chosen = TestCheckpoint.of(state, step);
        TrainableModel model = chosen.step() == step ? current : current.withGraph(
                CheckpointWeights.load(dir.path().resolve(state.bestCheckpoint()), current.sd()));
        dir.writeJson(TestCheckpoint.FILE, chosen);
        List<MultiDataSet> testBatches = data.test();
        Evaluator.Scores test = Evaluator.evaluate(model, testBatches);
        double bleu = data.reportsBleu() && model.decoder() != null
                ? Evaluator.bleu(model, testBatches, data.endOfSentence()) : Double.NaN;
        AlignmentErrors.write(dir, model, data, testBatches);
        if (!model.maps().isEmpty()) {
            AttentionMaps.write(dir, AttentionMaps.of(model, data, testBatches.get(0)));
            UnitSpread.write(dir, UnitSpread.of(model, testBatches));
        }
        double epochs = (double) step / batchesPerEpoch;
        RunSummary s = new RunSummary(spec.runId(), spec.experiment(), spec.variant().name(), spec.seed(),
                RunSummary.COMPLETED, "", started.parameters(), step, state.seconds(), state.seconds() / epochs,
                state.tokens() / state.seconds(), test.loss(), test.tokenAccuracy(), test.sequenceAccuracy(), bleu);
        AtomicFiles.write(dir.path().resolve(Trainer.FINAL_MODEL), tmp -> model.sd().save(tmp.toFile(), true));
        return end(dir, state, s);
    }

    /** Ends the run as failed for {@code reason} at {@code step}. */
    RunSummary fail(RunSpec spec, RunDirectory dir, TrainingState state, RunSummary started, String reason, long step) {
        LOG.warn("{}: failed: {}", spec.runId(), reason);
        return end(dir, state, started.failed(reason, step));
    }

    private RunSummary end(RunDirectory dir, TrainingState state, RunSummary s) {
        dir.writeJson("summary.json", s);
        Environment.recordEnd(dir);
        store.putRun(s);
        discard(dir, state);
        progress.ended(s);
        return s;
    }

    /**
     * The saved state ({@value #STATE}) in {@code dir}, or null when there is none or it is not valid JSON; such a
     * file is named in a warning and deleted with every checkpoint file beside it, so the run trains again from step 0.
     */
    static <T> T savedState(String who, RunDirectory dir, Class<T> type) {
        try {
            return dir.readJson(STATE, type);
        } catch (UncheckedIOException e) {
            if (!(e.getCause() instanceof JsonProcessingException)) {
                throw e;                                    // unreadable for another reason (permissions): keep it
            }
            LOG.warn("{}: {} cannot be read (not the JSON a run writes); training again from step 0", who,
                    dir.path().resolve(STATE));
            startAfresh(dir);
            return null;
        }
    }

    /**
     * The graph saved in checkpoint {@code file}, or null when it cannot be read; then the file is named in a
     * warning and {@code dir}'s state and checkpoints are deleted, so the run trains again from step 0.
     */
    static SameDiff savedGraph(String who, RunDirectory dir, String file) {
        Path p = dir.path().resolve(file);
        try {
            return SameDiff.load(p.toFile(), true);
        } catch (RuntimeException e) {
            LOG.warn("{}: checkpoint {} cannot be read ({}); training again from step 0", who, p,
                    Files.exists(p) ? "not a whole SameDiff graph" : "missing");
            startAfresh(dir);
            return null;
        }
    }

    /** Deletes the saved state and every checkpoint file in {@code dir}. */
    static void startAfresh(RunDirectory dir) {
        if (!Files.isDirectory(dir.path())) {
            return;
        }
        delete(dir.path().resolve(STATE));
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir.path(), CHECKPOINTS)) {
            s.forEach(RunRecords::delete);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clean " + dir.path(), e);
        }
    }

    /** Deletes {@code state}'s file and the checkpoint files it names. */
    void discard(RunDirectory dir, TrainingState state) {
        delete(dir.path().resolve(STATE));
        state.files().forEach(f -> delete(dir.path().resolve(f)));
    }

    /** Source tokens of a raw batch; for images ({@code [B, 1, S, S]}) the number of images. */
    static long tokens(MultiDataSet batch) {
        INDArray f = batch.getFeatures(0);
        return f.rank() == 2 ? f.length() : f.size(0);
    }

    private static String resolvedYaml(RunSpec spec) {
        ObjectNode root = spec.variant().resolved().deepCopy();
        root.put("experiment", spec.experiment()).put("variant", spec.variant().name()).put("seed", spec.seed());
        try {
            return new YAMLMapper().writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static void delete(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
