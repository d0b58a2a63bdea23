package org.attnlab.bench.cases;

import java.nio.file.Path;
import java.util.List;
import org.attnlab.experiments.run.TrainingSteps;
import org.nd4j.linalg.dataset.api.MultiDataSet;

/**
 * Case (5): the data pipeline of an experiment alone: one step is the next shuffled training batch turned into the
 * model's inputs (the run's iterator and the model's batch adapter), with no training.
 */
final class DataPipelineCase implements BenchCase {
    private final String name;
    private final Path file;

    DataPipelineCase(String name, Path file) {
        this.name = name;
        this.file = file;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String description() {
        return "data pipeline alone (next training batch + the model's batch adapter) of " + file;
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
        return new Workload(() -> steps.model().adapter().apply(steps.nextBatch()), Double.NaN,
                first.getFeatures(0).length(), 0, model.spec(steps.shape(), first));
    }
}
