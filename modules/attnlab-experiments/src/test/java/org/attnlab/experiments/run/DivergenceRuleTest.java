package org.attnlab.experiments.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.attnlab.experiments.TinyExperiment;
import org.attnlab.experiments.config.ExperimentLoader;
import org.attnlab.experiments.kinds.ModelKinds;
import org.attnlab.experiments.store.ResultsStore;
import org.attnlab.experiments.store.RunProcessMain;
import org.attnlab.experiments.store.RunSummary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run whose loss leaves ln(classes) x divergence_factor, or is not finite, ends failed with the reason. */
class DivergenceRuleTest {
    @TempDir
    Path dir;

    @Test
    void thresholdIsFactorTimesTheUniformLoss() {
        DivergenceRule rule = new DivergenceRule(10, 10);          // 10 x ln 10 = 23.02585
        assertNull(rule.check(23.0, 2.3, 5));
        assertEquals("diverged: loss 23.10 at step 5 is above 10.00 x its initial value 2.303 "
                + "(training.divergence_factor)", rule.check(2.3, 23.1, 5));
        assertEquals("loss became NaN at step 7", rule.check(Double.NaN, 1, 7));
        assertEquals("loss became Infinity at step 7", rule.check(1, Double.POSITIVE_INFINITY, 7));
        assertNull(new DivergenceRule(0, 10).check(1e6, 1e6, 1), "factor 0: only non-finite losses end a run");
    }

    @Test
    void adamAtLearningRateTenEndsFailedAndAGentleRateCompletes() throws IOException {
        Path file = TinyExperiment.write(dir, """
                  wild: {training: {learning_rate: 10.0}}
                  gentle: {training: {learning_rate: 0.003}}
                """);
        List<RunSpec> runs = RunPlanner.plan(new ExperimentLoader(ModelKinds.load()).load(file), false);
        try (ResultsStore store = ResultsStore.open(dir.resolve("r/attnlab.db"))) {
            List<RunSummary> done = new ExperimentRunner(dir.resolve("r"), store, RunProcessMain.trainLines())
                    .runAll(runs);
            for (RunSummary r : done) {
                if (r.variant().equals("wild")) {
                    assertEquals(RunSummary.FAILED, r.status(), r.toString());
                    assertTrue(r.reason().startsWith("diverged: loss ") || r.reason().startsWith("loss became"),
                            r.reason());
                } else {
                    assertEquals(RunSummary.COMPLETED, r.status(), r.reason());
                }
            }
            assertEquals(RunSummary.FAILED, store.runs("tiny").stream().filter(r -> r.variant().equals("wild"))
                    .findFirst().orElseThrow().status());
        }
    }
}
