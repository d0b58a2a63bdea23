package org.attnlab.bench.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.attnlab.bench.cases.ExperimentModel;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Op executions per training step of an experiment's model alone, as an ensemble of one, and as an ensemble of all
 * its seeds: the ensemble's count does not grow with the number of members, and neither count exceeds what the
 * shared run-time shapes brought them to (quickstart 148 -> 101 single, 180 -> 121 ensemble; transformer-ablation
 * 610 -> 454, 791 -> 530), plus the 13 ops of the written-out log softmax that replaced libnd4j's
 * fused one (which gives -inf, hence a NaN loss, at large logit gaps). Counts only; nothing timed.
 */
class EnsembleOpCountTest {
    @ParameterizedTest
    @CsvSource({"quickstart.yaml, 114, 134", "transformer-ablation.yaml, 467, 543"})
    void opsPerStepDoNotGrowWithTheMembers(String file, long singleAtMost, long ensembleAtMost) {
        ExperimentModel model = ExperimentModel.load(Path.of("../../experiments").resolve(file));
        List<Long> seeds = model.seeds();
        OpCounts singleCounts = OpCounts.of(file + ", single run", model.start(), 1, 2);
        OpCounts allCounts = OpCounts.of(file + ", ensemble of " + seeds.size(), model.startEnsemble(seeds), 1, 2);
        long single = Math.round(singleCounts.total());
        long one = Math.round(OpCounts.of(file + ", ensemble of 1", model.startEnsemble(seeds.subList(0, 1)), 1, 2)
                .total());
        long all = Math.round(allCounts.total());
        System.out.println(singleCounts.table());
        System.out.println(allCounts.table());
        System.out.printf("%s: op executions per training step: single run %d, ensemble of 1 %d, ensemble of %d %d "
                + "(%.1f per member-step)%n", file, single, one, seeds.size(), all, (double) all / seeds.size());
        assertTrue(seeds.size() > 1, "the experiment has several seeds");
        assertEquals(one, all, "the ensemble's op count does not depend on the number of members");
        assertTrue(single > 50 && one >= single, "single " + single + ", ensemble of one " + one);
        assertTrue(single <= singleAtMost, "single run: " + single + " ops per step, at most " + singleAtMost);
        assertTrue(all <= ensembleAtMost, "ensemble: " + all + " ops per step, at most " + ensembleAtMost);
    }
}
