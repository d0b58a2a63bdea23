package org.attnlab.sweeps.config;

import org.attnlab.sweeps.SweepFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SweepConfigParserTest {

    @TempDir
    Path dir;

    private SweepConfig parse(String yaml) {
        SweepFiles files = new SweepFiles(dir);
        return new SweepConfigParser().parse(files.write("s.yaml", yaml));
    }

    private void assertError(String yaml, String... fragments) {
        SweepConfigException e = assertThrows(SweepConfigException.class, () -> parse(yaml));
        assertTrue(e.getMessage().contains("s.yaml"), e.getMessage());
        for (String f : fragments) {
            assertTrue(e.getMessage().contains(f), "'" + f + "' not in: " + e.getMessage());
        }
    }

    private static final String PARAMS = """
            parameters:
              training.lr: {type: continuous, min: 1e-4, max: 0.1, scale: log}
            """;

    @Test
    void parsesEveryKind() {
        SweepConfig c = parse("""
                name: lr-heads
                base: base.yaml
                seed: 3
                objective: {metric: val_acc, direction: max}
                search: {method: grid, grid_points: 4}
                budget: {max_trials: 12, max_time: 30m}
                threads_per_trial: 2
                pruning: {median: {enabled: true, warmup_steps: 2, min_trials: 4}}
                parameters:
                  training.lr: {type: continuous, min: 1e-4, max: 0.1, scale: log}
                  training.dropout: {type: continuous, min: 0.0, max: 0.5}
                  model.heads: {type: integer, min: 1, max: 8}
                  model.score: {type: categorical, values: [dot, additive, 3]}
                """);
        assertEquals("lr-heads", c.name());
        assertEquals(dir.resolve("base.yaml").toAbsolutePath(), c.baseFile());
        assertEquals(new SweepConfig.Objective("experiment", "val_acc", Direction.MAX), c.objective());
        assertEquals(new SweepConfig.Search(SearchMethod.GRID, 4, 10), c.search());
        assertEquals(new SweepConfig.Budget(12, Duration.ofMinutes(30)), c.budget());
        assertEquals(new SweepConfig.Pruning(true, 2, 4), c.pruning());
        assertEquals(2, c.threadsPerTrial());
        assertEquals(List.of(
                new ParamSpec.Continuous("training.lr", 1e-4, 0.1, true),
                new ParamSpec.Continuous("training.dropout", 0.0, 0.5, false),
                new ParamSpec.Integer("model.heads", 1, 8),
                new ParamSpec.Categorical("model.score", List.of("dot", "additive", 3))), c.parameters());
    }

    @Test
    void defaultsAreRandomSearchMinimisingWithPruningOff() {
        SweepConfig c = parse("base: base.yaml\nobjective: {metric: loss}\nbudget: {max_trials: 5}\n" + PARAMS);
        assertEquals("s", c.name());
        assertEquals(SearchMethod.RANDOM, c.search().method());
        assertEquals(Direction.MIN, c.objective().direction());
        assertFalse(c.pruning().enabled());
    }

    @Test
    void unknownKeysNameTheirPath() {
        assertError("base: base.yaml\nobjective: {metric: loss}\nbudget: {max_trials: 5}\nbugdet: 3\n" + PARAMS,
                "bugdet: unknown key", "(line 4)");
        assertError("base: base.yaml\nobjective: {metric: loss, goal: min}\nbudget: {max_trials: 5}\n" + PARAMS,
                "objective.goal", "unknown key");
        assertError("base: base.yaml\nobjective: {metric: loss}\nbudget: {max_trials: 5}\n"
                + "parameters:\n  training.lr: {type: continuous, min: 0, max: 1, step: 2}\n",
                "parameters.training.lr.step", "unknown key", "(line 5)");
    }

    @Test
    void wrongTypesNameTheirPath() {
        assertError("base: base.yaml\nobjective: {metric: loss}\nbudget: {max_trials: many}\n" + PARAMS,
                "budget.max_trials", "expected an integer", "(line 3)");
        assertError("base: base.yaml\nobjective: {metric: loss}\nbudget: {max_trials: 5}\n"
                + "parameters:\n  model.heads: {type: integer, min: 1.5, max: 8}\n",
                "parameters.model.heads.min", "expected an integer");
        assertError("base: base.yaml\nobjective: {metric: loss}\nbudget: {max_trials: 5}\n"
                + "parameters:\n  training.lr: {type: continuous, min: low, max: 1}\n",
                "parameters.training.lr.min", "expected a number");
        assertError("base: base.yaml\nobjective: {metric: loss, direction: down}\nbudget: {max_trials: 5}\n" + PARAMS,
                "objective.direction", "expected min or max");
        assertError("base: base.yaml\nobjective: {metric: loss}\nsearch: {method: bayes}\nbudget: {max_trials: 5}\n"
                + PARAMS, "search.method");
    }

    @Test
    void outOfRangeValuesAreRejected() {
        String head = "base: base.yaml\nobjective: {metric: loss}\nbudget: {max_trials: 5}\nparameters:\n";
        assertError(head + "  training.lr: {type: continuous, min: 0.1, max: 0.01}\n",
                "parameters.training.lr.max", "greater than min");
        assertError(head + "  training.lr: {type: continuous, min: 0, max: 1, scale: log}\n",
                "parameters.training.lr.min", "positive on a log scale");
        assertError(head + "  model.heads: {type: integer, min: 4, max: 4}\n", "parameters.model.heads.max");
        assertError(head + "  model.score: {type: categorical, values: [dot]}\n", "at least two values");
        assertError(head + "  model.score: {type: categorical, values: [dot, dot]}\n", "duplicate value");
        assertError("base: base.yaml\nobjective: {metric: loss}\nbudget: {max_trials: 0}\n" + PARAMS,
                "budget.max_trials", "between 1");
        assertError("base: base.yaml\nobjective: {metric: loss}\nbudget: {max_time: soon}\n" + PARAMS,
                "budget.max_time", "duration");
    }

    @Test
    void missingPiecesAreReported() {
        assertError("base: nope.yaml\nobjective: {metric: loss}\nbudget: {max_trials: 5}\n" + PARAMS,
                "base", "no such file");
        assertError("base: base.yaml\nobjective: {metric: loss}\n" + PARAMS, "budget", "needs max_trials or max_time");
        assertError("base: base.yaml\nobjective: {direction: min}\nbudget: {max_trials: 5}\n" + PARAMS,
                "objective.metric", "missing");
        assertError("base: base.yaml\nobjective: {metric: loss}\nbudget: {max_trials: 5}\n", "parameters");
    }
}
