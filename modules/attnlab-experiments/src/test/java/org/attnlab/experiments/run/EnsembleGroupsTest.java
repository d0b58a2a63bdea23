package org.attnlab.experiments.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.attnlab.experiments.config.ExperimentLoader;
import org.attnlab.experiments.kinds.ModelKinds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Seeds of a variant form ensembles no larger than the config allows and than what fits in memory. */
class EnsembleGroupsTest {
    @TempDir
    Path dir;

    private List<RunSpec> plan(String training) throws IOException {
        Path file = dir.resolve("groups.yaml");
        Files.writeString(file, """
                name: groups
                dataset: {task: reverse, seq_len: 4, vocab: 6, train_examples: 64, val_examples: 32, test_examples: 32}
                model: {kind: tagger, d_model: 8, heads: 2, score: dot}
                training: {batch_size: 16, steps: 2, %s}
                seeds: [1, 2, 3, 4, 5]
                variants:
                  a: {}
                  b: {model: {score: general}}
                """.formatted(training));
        return RunPlanner.plan(new ExperimentLoader(ModelKinds.load()).load(file), false);
    }

    private static List<Integer> sizes(List<List<RunSpec>> groups) {
        return groups.stream().map(List::size).toList();
    }

    @Test
    void seedsOfAVariantTrainTogetherUpToTheConfiguredSize() throws IOException {
        assertEquals(List.of(5, 5), sizes(EnsembleGroups.of(plan("ensemble: 0"), v -> 100)));
        assertEquals(List.of(2, 2, 1, 2, 2, 1), sizes(EnsembleGroups.of(plan("ensemble: 2"), v -> 100)));
        assertEquals(List.of(1, 1, 1, 1, 1, 1, 1, 1, 1, 1), sizes(EnsembleGroups.of(plan("ensemble: 1"), v -> 100)));
    }

    @Test
    void ensemblesAreSplitToWhatFitsInMemory() throws IOException {
        assertEquals(List.of(3, 2, 3, 2), sizes(EnsembleGroups.of(plan("ensemble: 0"), v -> 3)));
        assertEquals(List.of(1, 1, 1, 1, 1, 1, 1, 1, 1, 1), sizes(EnsembleGroups.of(plan("ensemble: 0"), v -> 1)));
    }

    @Test
    void membersThatFitScaleWithTheMemoryOfOneRun() throws IOException {
        RunSpec run = plan("ensemble: 0").get(0);
        double one = MemoryPreflight.estimate(run.variant().resolved()).bytes();
        double heap = MemoryPreflight.estimate(run.variant().resolved()).heapBytes();
        assertTrue(one > 0 && heap > 0);
        assertEquals(4, MemoryPreflight.membersThatFit(run.variant(), 4.5 * one, 100 * heap));
        assertEquals(2, MemoryPreflight.membersThatFit(run.variant(), 4.5 * one, 2.5 * heap), "the heap limits");
        assertEquals(1, MemoryPreflight.membersThatFit(run.variant(), 0.5 * one, 100 * heap), "at least one");
    }
}
