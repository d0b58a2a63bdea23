package org.attnlab.sweeps.store;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;

/** One stored trial of a sweep; {@code flatParams} are Arbiter's unit-interval values that produced {@code params}. */
public record TrialRecord(int index, TrialState state, LinkedHashMap<String, Object> params, double[] flatParams,
                          long seed, Double score, Map<String, Double> metrics, SortedMap<Long, Double> curve,
                          String reason) {
}
