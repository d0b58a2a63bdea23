package org.attnlab.experiments.run;

import org.attnlab.experiments.config.VariantConfig;

/**
 * One run: a variant trained with one seed.
 *
 * @param experiment experiment name
 * @param variant    resolved variant
 * @param seed       seed of data, weights and shuffling
 * @param runId      stable id: the same config and seed always give the same id (so a rerun resumes)
 */
public record RunSpec(String experiment, VariantConfig variant, long seed, String runId) {
}
