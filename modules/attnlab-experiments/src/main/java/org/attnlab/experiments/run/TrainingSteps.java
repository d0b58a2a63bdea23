package org.attnlab.experiments.run;

import java.util.List;
import java.util.function.Supplier;
import org.attnlab.experiments.config.TrainingSettings;
import org.attnlab.experiments.config.VariantConfig;
import org.attnlab.experiments.kinds.TaskShape;
import org.attnlab.experiments.kinds.TrainableModel;
import org.nd4j.autodiff.samediff.TrainingConfig;
import org.nd4j.linalg.dataset.api.MultiDataSet;

/**
 * The training steps of a fresh run, set up exactly as {@link Trainer} sets one up: the variant's data splits and
 * model, the model's training config (updater, feature and label mappings) and the endless stream of shuffled
 * training batches. {@link Trainer} takes its steps through {@link #step}; benchmarks time the same call. Steps go
 * through one {@link FitSession} kept for the model's life.
 */
public final class TrainingSteps {
    private final TrainableModel model;
    private final TaskShape shape;
    private final Supplier<MultiDataSet> batches;
    private final FitSession session;

    /** Steps of {@code model}, which has its training config, on the raw batches {@code batches} hands out. */
    TrainingSteps(TrainableModel model, TaskShape shape, Supplier<MultiDataSet> batches) {
        this.model = model;
        this.shape = shape;
        this.batches = batches;
        this.session = new FitSession(model.sd());
    }

    /** The first steps of {@code variant} trained with {@code seed}, as a new run would take them. */
    public static TrainingSteps fresh(VariantConfig variant, long seed) {
        DataSource data = DataSource.of(variant.dataset(), seed);
        TrainableModel model = variant.model().build(data.shape(), seed);
        configure(model, variant.training());
        return new TrainingSteps(model, data.shape(), new TrainingStream(data.train(variant.training().batchSize()))::next);
    }

    /**
     * The first steps of {@code variant}'s seeds {@code seeds} trained together as one ensemble, as
     * {@link EnsembleTrainer} takes them: each batch is the members' own batches joined on the batch axis.
     */
    public static TrainingSteps ensemble(VariantConfig variant, List<Long> seeds) {
        List<DataSource> data = seeds.stream().map(seed -> DataSource.of(variant.dataset(), seed)).toList();
        TrainableModel model = variant.model().buildMembers(data.get(0).shape(),
                seeds.stream().mapToLong(Long::longValue).toArray());
        configure(model, variant.training());
        MemberBatches members = new MemberBatches(data.stream()
                .map(d -> new TrainingStream(d.train(variant.training().batchSize()))).toList());
        return new TrainingSteps(model, data.get(0).shape(), () -> members.join(members.next()));
    }

    /** The model being trained. */
    public TrainableModel model() {
        return model;
    }

    /** Vocabulary sizes and lengths of the data. */
    public TaskShape shape() {
        return shape;
    }

    /** The next raw training batch (a new shuffled epoch begins when one ends). */
    public MultiDataSet nextBatch() {
        return batches.get();
    }

    /** One optimizer step on the raw batch {@code raw}. */
    public void step(MultiDataSet raw) {
        stepAdapted(model.adapter().apply(raw));
    }

    /**
     * Times every op of the following replayed steps with {@code timer} (null stops it); see
     * {@link FitSession#timeReplayedOps}.
     */
    public void timeReplayedOps(ReplayedOpTimer timer) {
        session.timeReplayedOps(timer);
    }

    /** One optimizer step on a batch the model's adapter has already adapted. */
    void stepAdapted(MultiDataSet adapted) {
        session.fit(adapted);
    }

    /** Gives {@code model} the training config of {@code training}: updater plus placeholder mappings. */
    static void configure(TrainableModel model, TrainingSettings training) {
        model.sd().setTrainingConfig(TrainingConfig.builder().updater(Updaters.of(training))
                .dataSetFeatureMapping(model.inputs()).dataSetLabelMapping(model.targets()).build());
    }
}
