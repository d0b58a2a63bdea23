package org.attnlab.bench.cases;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.attnlab.experiments.run.TrainingSteps;
import org.nd4j.linalg.dataset.api.MultiDataSet;

/**
 * A case on an experiment's first variant, set up by the code a training run uses ({@link TrainingSteps}: the run's
 * data, model, updater and one step of its kept training session per batch), at the experiment's configured sizes.
 * Case (4), a whole training step: the next training batch, then {@link TrainingSteps#step} on it, as the training
 * loop does (validation and checkpoints are not part of it). Case (5), the data pipeline alone: the next shuffled training batch turned into the model's inputs
 * (the run's iterator and the model's batch adapter), with no training.
 */
public final class ExperimentCase implements BenchCase {
    private final String name;
    private final Path file;
    private final boolean trains;
    private final boolean ensemble;

    private ExperimentCase(String name, Path file, boolean trains, boolean ensemble) {
        this.name = name;
        this.file = file;
        this.trains = trains;
        this.ensemble = ensemble;
    }

    /** A whole training step of {@code file}'s first variant. */
    static ExperimentCase trainingStep(String name, Path file) {
        return new ExperimentCase(name, file, true, false);
    }

    /**
     * A whole training step of {@code file}'s first variant with all its seeds trained together as one ensemble
     * (E = the number of seeds; a step trains every member once, so the cost per run-step is the step time / E).
     */
    static ExperimentCase ensembleStep(String name, Path file) {
        return new ExperimentCase(name, file, true, true);
    }

    /** The data pipeline alone of {@code file}'s first variant. */
    static ExperimentCase dataPipeline(String name, Path file) {
        return new ExperimentCase(name, file, false, false);
    }

    /** The experiment file whose first variant the case runs. */
    public Path file() {
        return file;
    }

    /** True for every seed trained as one ensemble. */
    public boolean ensemble() {
        return ensemble;
    }

    /** True for a training step, false for the data pipeline alone. */
    public boolean trains() {
        return trains;
    }

    /**
     * Fresh training steps of {@code model} (this case's file, loaded) as this case trains it: the first seed alone,
     * or every seed as one ensemble.
     */
    public TrainingSteps trainingSteps(ExperimentModel model) {
        return ensemble ? model.startEnsemble(model.seeds()) : model.start();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String description() {
        return (ensemble ? "whole training step of all seeds as one ensemble (the members' next batches + one "
                + "training session step)"
                : trains ? "whole training step (next batch + training session step, the run's updater)"
                : "data pipeline alone (next training batch + the model's batch adapter)")
                + " of the first variant of " + file;
    }

    @Override
    public List<Path> inputs() {
        return List.of(file);
    }

    @Override
    public Workload prepare() {
        ExperimentModel model = ExperimentModel.load(file);
        TrainingSteps steps = trainingSteps(model);
        MultiDataSet first = steps.nextBatch();
        Runnable step = trains ? () -> steps.step(steps.nextBatch())
                : () -> steps.model().adapter().apply(steps.nextBatch());
        Map<String, String> spec = model.spec(steps.shape(), first);
        if (ensemble) {
            int members = model.seeds().size();
            spec.put("members", Integer.toString(members));
            spec.put("batch", Long.toString(first.getFeatures(0).size(0) / members));   // per member: a one-run twin
        }
        return new Workload(step, trains ? model.flops(steps.shape(), first) : Double.NaN,
                first.getFeatures(0).length(), trains ? steps.model().parameterCount() : 0, spec, null);
    }
}
