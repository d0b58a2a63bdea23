package org.attnlab.sweeps.store;

/** The stored identity of a sweep (a row of table {@code sweep}). */
public record SweepRow(String name, String configFile, String baseFile, String metric, String direction, long seed,
                       Integer maxTrials) {
}
