package org.attnlab.bench.measure;

/**
 * A fixed piece of processor-only work ({@link FixedWork} once), timed after each counted step to tell a slow step
 * from a slow processor. On a shared virtual machine a processor can run the same code much slower for seconds while
 * its host core is busy elsewhere; the probe slows with it, and a step that is slow while the probe is fast is slow by
 * itself.
 *
 * <p>Such slowdowns come from work sharing the host core, which hurts code that keeps the core's units and caches
 * busy and barely touches a chain of dependent float operations (measured here: a multiply-add chain slowed 1.15x
 * while the steps beside it slowed 1.6x). So the work mixes what a training step does; see {@link FixedWork}.
 */
final class SpeedProbe {
    private final FixedWork work = new FixedWork();

    /** Runs the work once; returns its wall-clock milliseconds. */
    double ms() {
        long t0 = System.nanoTime();
        work.run(1);
        return (System.nanoTime() - t0) / 1e6;
    }
}
