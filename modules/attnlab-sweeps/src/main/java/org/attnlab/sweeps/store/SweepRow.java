package org.attnlab.sweeps.store;

/**
 * The stored identity of a sweep (a row of table {@code sweep}); {@code space} is a digest of what decides its trials
 * (parameters, search, objective, seed, base experiment), null for sweeps stored before it was recorded.
 */
public record SweepRow(String name, String configFile, String baseFile, String metric, String direction, long seed,
                       Integer maxTrials, String space) {
}
