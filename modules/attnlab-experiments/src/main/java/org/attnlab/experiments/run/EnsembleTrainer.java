package org.attnlab.experiments.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.attnlab.experiments.config.VariantConfig;
import org.attnlab.experiments.kinds.TrainableModel;
import org.attnlab.experiments.store.AtomicFiles;
import org.attnlab.experiments.store.MetricRow;
import org.attnlab.experiments.store.ResultsStore;
import org.attnlab.experiments.store.RunDirectory;
import org.attnlab.experiments.store.RunSummary;
import org.attnlab.models.dropout.DropoutMasks;
import org.attnlab.models.ensemble.MemberAxis;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains the seeds of one variant together as one ensemble graph (see
 * {@link org.attnlab.experiments.kinds.ModelKind#buildMembers}): one optimizer step per step for all members,
 * each on its own seed's batches and dropout masks. Every member stays its own run: at each validation it is
 * evaluated on its own data through a single-run graph holding its parameters, and its folder gets metric rows and
 * single-run checkpoint files, its summary and final model as if it had trained alone. A member whose patience runs
 * out or whose loss diverges is frozen (its parameters are put back after every later step) and ends with the
 * others. The ensemble's own graph and state (for resuming) live in their own folder, which is removed at the end.
 */
final class EnsembleTrainer {
    private static final Logger LOG = LoggerFactory.getLogger(EnsembleTrainer.class);

    private final RunRecords records;
    private final RunProgress progress;

    EnsembleTrainer(ResultsStore store, RunProgress progress) {
        this.records = new RunRecords(store, progress);
        this.progress = progress;
    }

    /** One member: its run, folder, data, single-run graph for evaluation and checkpoints, and its state. */
    private static final class Member {
        final RunSpec spec;
        final RunDirectory dir;
        final DataSource data;
        final TrainableModel view;
        final RunSummary started;
        final DivergenceRule divergence;
        final List<MultiDataSet> validation;
        EnsembleState.Member state;
        Map<String, INDArray> frozen;
        long periodTokens;

        Member(RunSpec spec, RunDirectory dir, DataSource data, TrainableModel view, EnsembleState.Member state) {
            this.spec = spec;
            this.dir = dir;
            this.data = data;
            this.view = view;
            this.state = state;
            this.started = RunSummary.started(spec.runId(), spec.experiment(), spec.variant().name(), spec.seed(),
                    view.parameterCount());
            this.divergence = new DivergenceRule(spec.variant().training().divergenceFactor(),
                    data.shape().targetVocab());
            this.validation = data.validation();
        }
    }

    /**
     * Trains {@code specs} (runs of one variant, already claimed) as one ensemble, resuming from {@code home}'s state
     * when it holds one for these runs; returns their summaries in order.
     */
    List<RunSummary> run(List<RunSpec> specs, List<RunDirectory> dirs, RunDirectory home) {
        home.removeLeftovers();
        VariantConfig v = specs.get(0).variant();
        long[] seeds = specs.stream().mapToLong(RunSpec::seed).toArray();
        EnsembleState saved = RunRecords.savedState(v.name(), home, EnsembleState.class);
        if (saved != null && !saved.members().stream().map(EnsembleState.Member::runId).toList()
                .equals(specs.stream().map(RunSpec::runId).toList())) {
            LOG.info("{}: the saved ensemble trained other runs; starting these afresh", v.name());
            saved = null;
        }
        SameDiff savedGraph = saved == null ? null : RunRecords.savedGraph(v.name(), home, saved.checkpoint());
        if (savedGraph == null) {
            saved = null;
            RunRecords.startAfresh(home);
            dirs.forEach(RunRecords::startAfresh);
        }
        List<Member> members = new ArrayList<>();
        for (int e = 0; e < specs.size(); e++) {
            RunSpec spec = specs.get(e);
            records.open(spec, dirs.get(e));
            DataSource data = DataSource.of(v.dataset(), spec.seed());
            EnsembleState.Member state = saved == null
                    ? new EnsembleState.Member(spec.runId(), TrainingState.fresh(), 0, "") : saved.members().get(e);
            members.add(new Member(spec, dirs.get(e), data, v.model().build(data.shape(), spec.seed()), state));
        }
        TrainableModel model = v.model().buildMembers(members.get(0).data.shape(), seeds);
        if (saved == null) {
            members.forEach(m -> InitGradients.record(v.model(), m.view, m.data, v.training().batchSize(), m.dir));
            TrainingSteps.configure(model, v.training());
            saved = new EnsembleState(0, "", 0, members.stream().map(m -> m.state).toList());
        } else {
            model = model.withGraph(savedGraph);
            LOG.info("{}: ensemble of {} resuming at step {}", v.name(), specs.size(), saved.step());
        }
        for (int e = 0; e < members.size(); e++) {
            Member m = members.get(e);
            if (!m.state.training()) {
                m.frozen = MemberAxis.memberParams(model.sd(), e);
            }
            records.store().putRun(m.started);
        }
        return new Loop(v, home, model, members, saved, seeds).run();
    }

    private final class Loop {
        private final VariantConfig variant;
        private final RunDirectory home;
        private final TrainableModel model;
        private final List<Member> members;
        private final Schedule schedule;
        private final MemberBatches batches;
        private final DropoutMasks dropout;
        private final FitSession session;
        private EnsembleState saved;

        Loop(VariantConfig variant, RunDirectory home, TrainableModel model, List<Member> members,
             EnsembleState saved, long[] seeds) {
            this.variant = variant;
            this.home = home;
            this.model = model;
            this.members = members;
            this.saved = saved;
            this.schedule = Schedule.of(variant.training(), members.get(0).data.trainExamples());
            this.batches = new MemberBatches(members.stream()
                    .map(m -> new TrainingStream(m.data.train(variant.training().batchSize()))).toList());
            this.dropout = DropoutMasks.ofMembers(model.sd(), seeds, saved.dropoutDraws());
            this.session = new FitSession(model.sd());
        }

        List<RunSummary> run() {
            batches.skip(saved.step());
            progress.membersStarted(members.stream().map(m -> m.spec).toList(), schedule.totalSteps(), saved.step());
            long step = saved.step();
            long periodStart = System.nanoTime();
            while (step < schedule.totalSteps() && members.stream().anyMatch(m -> m.state.training())) {
                List<MultiDataSet> own = batches.next();
                MultiDataSet adapted = model.adapter().apply(batches.join(own));
                dropout.during(() -> model.feeds(adapted), () -> session.fit(adapted));
                step++;
                for (int e = 0; e < members.size(); e++) {
                    Member m = members.get(e);
                    if (m.frozen != null) {
                        MemberAxis.setMemberParams(model.sd(), e, m.frozen);
                    } else {
                        m.periodTokens += RunRecords.tokens(own.get(e));
                    }
                }
                progress.stepped(step);
                if (schedule.validatesAfter(step)) {
                    double share = (System.nanoTime() - periodStart) / 1e9 / members.size();
                    validate(step, own, share);
                    periodStart = System.nanoTime();
                }
            }
            List<RunSummary> out = new ArrayList<>();
            for (Member m : members) {
                out.add(m.state.failure().isEmpty()
                        ? records.complete(m.spec, m.dir, withParams(m), m.data, m.state.state(),
                                m.state.training() ? step : m.state.stopped(), schedule.batchesPerEpoch(), m.started)
                        : records.fail(m.spec, m.dir, m.state.state(), m.started, m.state.failure(),
                                m.state.stopped()));
            }
            RunRecords.delete(home.path().resolve(RunRecords.STATE));
            if (!saved.checkpoint().isEmpty()) {
                RunRecords.delete(home.path().resolve(saved.checkpoint()));
            }
            RunRecords.delete(home.path());
            return out;
        }

        /** Evaluates every training member on its own data, writes checkpoints and the ensemble state. */
        private void validate(long step, List<MultiDataSet> own, double periodSeconds) {
            int patience = variant.training().patience();
            List<TrainingState> before = new ArrayList<>();
            List<MetricRow> rows = new ArrayList<>();
            for (int e = 0; e < members.size(); e++) {
                Member m = members.get(e);
                before.add(m.state.state());
                if (!m.state.training()) {
                    rows.add(null);
                    continue;
                }
                TrainableModel view = withParams(m);
                double trainLoss = Evaluator.loss(view, own.get(e));
                Evaluator.Scores val = Evaluator.evaluate(view, m.validation);
                String diverged = m.divergence.check(trainLoss, val.loss(), step);
                if (diverged != null) {
                    m.state = new EnsembleState.Member(m.spec.runId(), m.state.state(), step, diverged);
                    m.frozen = MemberAxis.memberParams(model.sd(), e);
                    rows.add(null);
                    continue;
                }
                TrainingState st = m.state.state();
                MetricRow row = new MetricRow(step, (double) step / schedule.batchesPerEpoch(), trainLoss, val.loss(),
                        val.tokenAccuracy(), val.sequenceAccuracy(), st.seconds() + periodSeconds,
                        m.periodTokens / periodSeconds);
                String file = "checkpoint-" + step + ".sd";
                AtomicFiles.write(m.dir.path().resolve(file), tmp -> view.sd().save(tmp.toFile(), false));
                st = st.after(row, st.tokens() + m.periodTokens, file, dropout.position());
                m.periodTokens = 0;
                boolean stops = st.patienceExhausted(patience);
                m.state = new EnsembleState.Member(m.spec.runId(), st, stops ? step : 0, "");
                if (stops) {
                    m.frozen = MemberAxis.memberParams(model.sd(), e);
                }
                rows.add(row);
            }
            String file = "checkpoint-" + step + ".sd";
            AtomicFiles.write(home.path().resolve(file), tmp -> model.sd().save(tmp.toFile(), true));
            String previous = saved.checkpoint();
            saved = new EnsembleState(step, file, dropout.position(), members.stream().map(m -> m.state).toList());
            home.writeJson(RunRecords.STATE, saved);
            if (!previous.isEmpty() && !previous.equals(file)) {
                RunRecords.delete(home.path().resolve(previous));
            }
            for (int e = 0; e < members.size(); e++) {
                Member m = members.get(e);
                records.recordValidation(m.spec, m.dir, before.get(e), m.state.state());
            }
            for (int e = 0; e < members.size(); e++) {
                if (rows.get(e) != null) {
                    progress.memberValidated(members.get(e).spec, rows.get(e));
                }
            }
        }

        /** The member's single-run graph holding its current parameters. */
        private TrainableModel withParams(Member m) {
            int e = members.indexOf(m);
            MemberAxis.memberParams(model.sd(), e).forEach((name, value) -> m.view.sd().getVariable(name).setArray(value));
            return m.view;
        }
    }
}
