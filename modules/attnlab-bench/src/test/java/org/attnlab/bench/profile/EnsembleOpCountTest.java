package org.attnlab.bench.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.attnlab.bench.cases.ExperimentModel;
import org.attnlab.experiments.run.TrainingSteps;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * Op executions per training step of an experiment's model alone, as an ensemble of one, and as an ensemble of all
 * its seeds: the ensemble's count does not grow with the number of members. Counts only; nothing timed.
 */
class EnsembleOpCountTest {
    @ParameterizedTest
    @ValueSource(strings = {"quickstart.yaml", "transformer-ablation.yaml"})
    void opsPerStepDoNotGrowWithTheMembers(String file) {
        ExperimentModel model = ExperimentModel.load(Path.of("../../experiments").resolve(file));
        List<Long> seeds = model.seeds();
        long single = opsPerStep(model.start());
        long one = opsPerStep(model.startEnsemble(seeds.subList(0, 1)));
        long all = opsPerStep(model.startEnsemble(seeds));
        System.out.printf("%s: op executions per training step: single run %d, ensemble of 1 %d, ensemble of %d %d "
                + "(%.1f per member-step)%n", file, single, one, seeds.size(), all, (double) all / seeds.size());
        assertTrue(seeds.size() > 1, "the experiment has several seeds");
        assertEquals(one, all, "the ensemble's op count does not depend on the number of members");
        assertTrue(single > 100 && one >= single, "single " + single + ", ensemble of one " + one);
    }

    /** Op executions of one training step after one warm-up step. */
    private static long opsPerStep(TrainingSteps steps) {
        SameDiff sd = steps.model().sd();
        steps.step(steps.nextBatch());
        OpTimer timer = new OpTimer();
        sd.addListeners(timer);
        steps.step(steps.nextBatch());
        sd.setListeners(List.of());
        return timer.byType().values().stream().mapToLong(s -> s.count).sum();
    }
}
