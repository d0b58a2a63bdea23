package org.attnlab.sweeps.space;

import org.attnlab.sweeps.config.Direction;
import org.attnlab.sweeps.config.ParamSpec;
import org.attnlab.sweeps.config.SearchMethod;
import org.attnlab.sweeps.config.SweepConfig;
import org.deeplearning4j.arbiter.optimize.api.Candidate;
import org.deeplearning4j.arbiter.optimize.api.CandidateGenerator;
import org.deeplearning4j.arbiter.optimize.api.ParameterSpace;
import org.deeplearning4j.arbiter.optimize.parameter.continuous.ContinuousParameterSpace;
import org.deeplearning4j.arbiter.optimize.parameter.discrete.DiscreteParameterSpace;
import org.deeplearning4j.arbiter.optimize.parameter.integer.IntegerParameterSpace;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SpaceTranslatorTest {

    private static final ParamSpec LR = new ParamSpec.Continuous("training.lr", 1e-4, 1e-2, true);
    private static final ParamSpec DROPOUT = new ParamSpec.Continuous("training.dropout", 0.1, 0.5, false);
    private static final ParamSpec HEADS = new ParamSpec.Integer("model.heads", 1, 3);
    private static final ParamSpec SCORE = new ParamSpec.Categorical("model.score", List.of("dot", "additive"));

    private static Object valueAt(ParamSpec spec, double u) {
        ParameterSpace<?> leaf = SpaceTranslator.leaf(spec);
        leaf.setIndices(0);
        return leaf.getValue(new double[]{u});
    }

    @Test
    void continuousLinearScale() {
        assertInstanceOf(ContinuousParameterSpace.class, SpaceTranslator.leaf(DROPOUT));
        assertEquals(0.1, (Double) valueAt(DROPOUT, 0), 1e-12);
        assertEquals(0.3, (Double) valueAt(DROPOUT, 0.5), 1e-12);
        assertEquals(0.5, (Double) valueAt(DROPOUT, 1), 1e-12);
    }

    @Test
    void continuousLogScaleIsGeometric() {
        assertEquals(1e-4, (Double) valueAt(LR, 0), 1e-12);
        assertEquals(1e-3, (Double) valueAt(LR, 0.5), 1e-12);
        assertEquals(1e-2, (Double) valueAt(LR, 1), 1e-12);
    }

    @Test
    void integerAndCategoricalCoverTheirBounds() {
        assertInstanceOf(IntegerParameterSpace.class, SpaceTranslator.leaf(HEADS));
        assertEquals(1, valueAt(HEADS, 0));
        assertEquals(3, valueAt(HEADS, 1));
        assertInstanceOf(DiscreteParameterSpace.class, SpaceTranslator.leaf(SCORE));
        assertEquals("dot", valueAt(SCORE, 0));
        assertEquals("additive", valueAt(SCORE, 1));
    }

    @Test
    void randomCandidatesStayInBounds() {
        SweepSpace space = SpaceTranslator.translate(List.of(LR, DROPOUT, HEADS, SCORE));
        assertEquals(4, space.numParameters());
        CandidateGenerator g = CandidateGenerators.create(new SweepConfig.Search(SearchMethod.RANDOM, 3, 4),
                Direction.MIN, space, 1);
        for (int i = 0; i < 200; i++) {
            TrialParams p = (TrialParams) g.getCandidate().getValue();
            double lr = (Double) p.values().get("training.lr");
            int heads = (Integer) p.values().get("model.heads");
            assertTrue(lr >= 1e-4 && lr <= 1e-2, "lr " + lr);
            assertTrue(heads >= 1 && heads <= 3, "heads " + heads);
            assertTrue(List.of("dot", "additive").contains(p.values().get("model.score")));
        }
    }

    @Test
    void gridEnumeratesEveryCombinationOnce() {
        SweepSpace space = SpaceTranslator.translate(List.of(LR, HEADS, SCORE));
        assertEquals(3 * 3 * 2, CandidateGenerators.gridSize(space, 3));
        assertEquals(5 * 3 * 2, CandidateGenerators.gridSize(space, 5));
        CandidateGenerator g = CandidateGenerators.create(new SweepConfig.Search(SearchMethod.GRID, 3, 4),
                Direction.MIN, space, 1);
        Set<Object> seen = new HashSet<>();
        List<Object> lrs = new ArrayList<>();
        while (g.hasMoreCandidates()) {
            Candidate<?> c = g.getCandidate();
            TrialParams p = (TrialParams) c.getValue();
            seen.add(p.values());
            lrs.add(p.values().get("training.lr"));
        }
        assertEquals(18, seen.size());
        assertTrue(lrs.stream().anyMatch(v -> Math.abs((Double) v - 1e-3) < 1e-12), "log grid midpoint 1e-3");
    }

    @Test
    void wideIntegerRangesAreDiscretisedForGrid() {
        SweepSpace space = SpaceTranslator.translate(List.of(new ParamSpec.Integer("model.d", 16, 512)));
        assertEquals(4, CandidateGenerators.gridSize(space, 4));
    }
}
