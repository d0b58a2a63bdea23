package org.attnlab.bench.cases;

import java.nio.file.Path;
import java.util.List;
import org.attnlab.experiments.run.TrainingSteps;
import org.nd4j.linalg.dataset.api.MultiDataSet;

/**
 * Case (4): a whole training step of an experiment's model at its configured sizes, through the code a training run
 * uses ({@link TrainingSteps}: the run's data, model, updater and {@code sd.fit} per batch). A step takes the next
 * training batch and fits it, as the training loop does; validation and checkpoints are not part of it.
 */
public final class ExperimentStepCase implements BenchCase {
    private final String name;
    private final Path file;

    ExperimentStepCase(String name, Path file) {
        this.name = name;
        this.file = file;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String description() {
        return "whole training step (next batch + sd.fit, the run's updater) of the first variant of " + file;
    }

    /** The experiment file whose first variant is stepped. */
    public Path file() {
        return file;
    }

    @Override
    public List<Path> inputs() {
        return List.of(file);
    }

    @Override
    public Workload prepare() {
        ExperimentModel model = ExperimentModel.load(file);
        TrainingSteps steps = model.start();
        MultiDataSet first = steps.nextBatch();
        return new Workload(() -> steps.step(steps.nextBatch()), model.flops(steps.shape(), first),
                first.getFeatures(0).length(), steps.model().parameterCount(), model.spec(steps.shape(), first));
    }
}
