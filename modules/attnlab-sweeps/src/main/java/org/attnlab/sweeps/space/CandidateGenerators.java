package org.attnlab.sweeps.space;

import org.attnlab.sweeps.config.Direction;
import org.attnlab.sweeps.config.SweepConfig;
import org.apache.commons.math3.random.JDKRandomGenerator;
import org.apache.commons.math3.random.RandomGenerator;
import org.deeplearning4j.arbiter.optimize.api.CandidateGenerator;
import org.deeplearning4j.arbiter.optimize.generator.GeneticSearchCandidateGenerator;
import org.deeplearning4j.arbiter.optimize.generator.GridSearchCandidateGenerator;
import org.deeplearning4j.arbiter.optimize.generator.RandomSearchGenerator;
import org.deeplearning4j.arbiter.optimize.generator.genetic.crossover.SinglePointCrossover;
import org.deeplearning4j.arbiter.optimize.generator.genetic.crossover.parentselection.RandomTwoParentSelection;
import org.deeplearning4j.arbiter.optimize.generator.genetic.mutation.RandomMutationOperator;
import org.deeplearning4j.arbiter.optimize.generator.genetic.population.PopulationModel;
import org.deeplearning4j.arbiter.optimize.generator.genetic.selection.GeneticSelectionOperator;

/** Builds the seeded Arbiter candidate generator for a sweep's search method. */
public final class CandidateGenerators {

    private CandidateGenerators() {
    }

    /** Random, grid (sequential, so its order never depends on a seed) or genetic search over {@code space}. */
    public static CandidateGenerator create(SweepConfig.Search search, Direction direction, SweepSpace space, long seed) {
        CandidateGenerator generator = switch (search.method()) {
            case RANDOM -> new RandomSearchGenerator(space);
            case GRID -> new GridSearchCandidateGenerator(space, search.gridPoints(),
                    GridSearchCandidateGenerator.Mode.Sequential, null);
            case GENETIC -> genetic(search, direction, space, seed);
        };
        generator.setRngSeed(seed);
        return generator;
    }

    /** Number of grid candidates for {@code space} discretised with {@code gridPoints}. */
    public static int gridSize(SweepSpace space, int gridPoints) {
        return new GridSearchCandidateGenerator(space, gridPoints, GridSearchCandidateGenerator.Mode.Sequential, null)
                .getTotalNumCandidates();
    }

    private static CandidateGenerator genetic(SweepConfig.Search search, Direction direction, SweepSpace space,
                                              long seed) {
        GeneticSelectionOperator selection = new GeneticSelectionOperator.Builder()
                .randomGenerator(seeded(seed))
                .crossoverOperator(new SinglePointCrossover.Builder()
                        .randomGenerator(seeded(seed + 1))
                        .parentSelection(new RandomTwoParentSelection(seeded(seed + 2))).build())
                .mutationOperator(new RandomMutationOperator.Builder().randomGenerator(seeded(seed + 3)).build())
                .build();
        PopulationModel population = new PopulationModel.Builder().populationSize(search.populationSize()).build();
        return new GeneticSearchCandidateGenerator.Builder(space, new DirectionScore(direction))
                .selectionOperator(selection)
                .populationModel(population)
                .build();
    }

    private static RandomGenerator seeded(long seed) {
        RandomGenerator rng = new JDKRandomGenerator();
        rng.setSeed(seed);
        return rng;
    }
}
