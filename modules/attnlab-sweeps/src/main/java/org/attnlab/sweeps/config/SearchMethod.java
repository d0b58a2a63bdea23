package org.attnlab.sweeps.config;

/** How candidate parameter sets are chosen. */
public enum SearchMethod {
    RANDOM, GRID, GENETIC
}
