package org.attnlab.bench.cases;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import org.attnlab.bench.measure.FixedWork;

/**
 * The machine's own spread: a step that is only {@link FixedWork}, repeated to last about as long as a model case's
 * step, with no framework, no native code and no allocation in it. Timed by the same code as every case, its slowest
 * step over its fastest is what this machine does to a step of that length (the operating system's interruptions,
 * other tenants, timer ticks), against which a case's spread can be read. The repeat count is fixed at set-up from
 * 200 timed runs of the work (after 2000 untimed ones) and recorded in the spec.
 */
final class FixedWorkCase implements BenchCase {
    private static final int CALIBRATION_WARMUP = 2000;
    private static final int CALIBRATION_RUNS = 200;
    private final String name;
    private final double targetMs;

    /** A case named {@code name} whose step lasts about {@code targetMs} on this machine. */
    FixedWorkCase(String name, double targetMs) {
        this.name = name;
        this.targetMs = targetMs;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String description() {
        return String.format(Locale.ROOT, "a fixed piece of Java work (the speed probe's, repeated) lasting about %.1f "
                + "ms, with no framework in it: the spread this machine gives a step of that length", targetMs);
    }

    @Override
    public Workload prepare() {
        FixedWork work = new FixedWork();
        work.run(CALIBRATION_WARMUP);
        double[] ms = new double[CALIBRATION_RUNS];
        for (int i = 0; i < ms.length; i++) {
            long t0 = System.nanoTime();
            work.run(1);
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(ms);
        int repeats = (int) Math.max(1, Math.round(targetMs / ms[ms.length / 2]));
        return new Workload(() -> work.run(repeats), Double.NaN, 0, 0,
                Map.of("kind", "fixed-work", "repeats", Integer.toString(repeats),
                        "target_ms", Double.toString(targetMs)), null);
    }
}
