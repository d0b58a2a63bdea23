package org.attnlab.sweeps.run;

/** Derives each trial's seed from the sweep seed and the trial index (SplitMix64), so reruns are reproducible. */
public final class TrialSeeds {

    private TrialSeeds() {
    }

    /** The seed of trial {@code index} in a sweep seeded with {@code sweepSeed}. */
    public static long of(long sweepSeed, int index) {
        long z = sweepSeed + 0x9E3779B97F4A7C15L * (index + 1L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
