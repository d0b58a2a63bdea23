package org.attnlab.experiments.run;

import java.util.List;
import org.attnlab.experiments.config.VariantConfig;
import org.attnlab.experiments.kinds.TrainableModel;
import org.attnlab.experiments.store.AtomicFiles;
import org.attnlab.experiments.store.MetricRow;
import org.attnlab.experiments.store.ResultsStore;
import org.attnlab.experiments.store.RunDirectory;
import org.attnlab.experiments.store.RunSummary;
import org.attnlab.models.dropout.DropoutMasks;
import org.attnlab.models.norm.BatchNormStats;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains, validates and tests one run on SameDiff, checkpointing at every validation so that an interrupted run
 * resumes where its last checkpoint left off. A loss that diverged (see {@link DivergenceRule}) ends the run as failed.
 */
public final class Trainer {
    private static final Logger LOG = LoggerFactory.getLogger(Trainer.class);
    /** The graph of a completed run whose test metrics it reports (the best validated checkpoint). */
    public static final String FINAL_MODEL = "model.sd";

    private final RunRecords records;
    private final RunProgress progress;

    public Trainer(ResultsStore store, RunProgress progress) {
        this.records = new RunRecords(store, progress);
        this.progress = progress;
    }

    /** Runs {@code spec} in {@code dir}, resuming from its checkpoint if it has one. */
    public RunSummary run(RunSpec spec, RunDirectory dir) {
        records.open(spec, dir);
        VariantConfig v = spec.variant();
        DataSource data = DataSource.of(v.dataset(), spec.seed());
        TrainableModel model = v.model().build(data.shape(), spec.seed());
        TrainingState state = RunRecords.savedState(spec.runId(), dir, TrainingState.class);
        if (state != null && !CheckpointWeights.loadable(model.sd())) {
            LOG.warn("{}: cannot resume at step {}: SameDiff cannot read back a graph with lstmLayer ops; training it "
                    + "again from step 0", spec.runId(), state.step());
            records.discard(dir, state);
            state = null;
        }
        SameDiff saved = state == null ? null : RunRecords.savedGraph(spec.runId(), dir, state.checkpoint());
        if (saved == null) {
            RunRecords.startAfresh(dir);
            state = TrainingState.fresh();
            InitGradients.record(v.model(), model, data, v.training().batchSize(), dir);
            TrainingSteps.configure(model, v.training());
        } else {
            model = model.withGraph(saved);
            LOG.info("{}: resuming at step {}", spec.runId(), state.step());
        }
        RunSummary started = RunSummary.started(spec.runId(), spec.experiment(), v.name(), spec.seed(),
                model.parameterCount());
        records.store().putRun(started);
        return new Loop(spec, dir, model, data, state, started).run();
    }

    /** The training loop of one run. */
    private final class Loop {
        private final RunSpec spec;
        private final RunDirectory dir;
        private final TrainableModel model;
        private final Schedule schedule;
        private final DivergenceRule divergence;
        private final DataSource data;
        private final RunSummary started;
        private TrainingState state;

        Loop(RunSpec spec, RunDirectory dir, TrainableModel model, DataSource data, TrainingState state,
             RunSummary started) {
            this.spec = spec;
            this.dir = dir;
            this.model = model;
            this.state = state;
            this.started = started;
            this.schedule = Schedule.of(spec.variant().training(), data.trainExamples());
            this.divergence = new DivergenceRule(spec.variant().training().divergenceFactor(), data.shape().targetVocab());
            this.data = data;
        }

        RunSummary run() {
            TrainingStream stream = new TrainingStream(data.train(spec.variant().training().batchSize()));
            stream.skip(state.step());
            TrainingSteps steps = new TrainingSteps(model, data.shape(), stream::next);
            List<MultiDataSet> validation = data.validation();
            DropoutMasks dropout = DropoutMasks.of(model.sd(), spec.seed(), state.dropoutDraws());
            BatchNormStats batchNorm = BatchNormStats.of(model.sd());
            int patience = spec.variant().training().patience();
            progress.started(spec, schedule.totalSteps(), state.step());
            long step = state.step();
            long tokens = state.tokens();
            long periodStart = System.nanoTime();
            long periodTokens = 0;
            while (step < schedule.totalSteps() && !state.patienceExhausted(patience)) {
                MultiDataSet batch = steps.nextBatch();
                MultiDataSet adapted = model.adapter().apply(batch);
                dropout.during(() -> model.feeds(adapted), () -> batchNorm.during(() -> model.feeds(adapted),
                        () -> steps.stepAdapted(adapted)));
                step++;
                periodTokens += RunRecords.tokens(batch);
                progress.stepped(step);
                if (schedule.validatesAfter(step)) {
                    double periodSeconds = (System.nanoTime() - periodStart) / 1e9;
                    double trainLoss = Evaluator.loss(model, batch);
                    Evaluator.Scores val = Evaluator.evaluate(model, validation);
                    String diverged = divergence.check(trainLoss, val.loss(), step);
                    if (diverged != null) {
                        return records.fail(spec, dir, state, started, diverged, step);
                    }
                    tokens += periodTokens;
                    MetricRow row = new MetricRow(step, (double) step / schedule.batchesPerEpoch(), trainLoss,
                            val.loss(), val.tokenAccuracy(), val.sequenceAccuracy(), state.seconds() + periodSeconds,
                            periodTokens / periodSeconds);
                    checkpoint(row, tokens, dropout.position());
                    progress.validated(row);
                    periodStart = System.nanoTime();
                    periodTokens = 0;
                }
            }
            return records.complete(spec, dir, model, data, state, step, schedule.batchesPerEpoch(), started);
        }

        private void checkpoint(MetricRow row, long tokens, long dropoutDraws) {
            String file = "checkpoint-" + row.step() + ".sd";
            AtomicFiles.write(dir.path().resolve(file), tmp -> model.sd().save(tmp.toFile(), true));
            TrainingState before = state;
            state = state.after(row, tokens, file, dropoutDraws);
            dir.writeJson(RunRecords.STATE, state);
            records.recordValidation(spec, dir, before, state);
        }
    }
}
