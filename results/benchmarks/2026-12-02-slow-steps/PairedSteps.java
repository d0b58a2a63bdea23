package org.attnlab.bench.measure;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import org.attnlab.bench.cases.ExperimentModel;
import org.attnlab.experiments.run.TrainingSteps;

/**
 * Alternates an experiment's training step (A) with plain Java work of about the same length (B) in one thread, so
 * that both meet the same machine; writes each pair's ms.
 */
public class PairedSteps {
    private static final boolean COUNT_FAULTS = Boolean.getBoolean("faults");
    private static final long[] NO_FAULTS = new long[2];

    /** This thread's minor and major page faults so far (/proc/thread-self/stat fields 10 and 12). */
    static long[] faults() {
        if (!COUNT_FAULTS) {
            return NO_FAULTS;
        }
        try {
            String st = new String(java.nio.file.Files.readAllBytes(Path.of("/proc/thread-self/stat")));
            String[] f = st.substring(st.lastIndexOf(')') + 2).split(" ");
            return new long[] {Long.parseLong(f[7]), Long.parseLong(f[9])};
        } catch (java.io.IOException e) {
            throw new RuntimeException(e);
        }
    }

    public static void main(String[] a) throws Exception {
        int warm = Integer.parseInt(a[1]), n = Integer.parseInt(a[2]);
        ExperimentModel m = ExperimentModel.load(Path.of(a[0]));
        TrainingSteps s = m.start();
        int kb = a.length > 4 ? Integer.parseInt(a[4]) : 0;
        FixedWork fixed = new FixedWork();
        Streaming streaming = kb > 0 ? new Streaming(kb) : null;
        java.util.function.IntConsumer work = kb > 0 ? streaming::run : fixed::run;
        for (int i = 0; i < warm; i++) {
            s.step(s.nextBatch());
            work.accept(30);
        }
        int repeats = repeats(s, work);
        long[] ta = new long[n], tb = new long[n], ts = new long[n], minf = new long[n], majf = new long[n];
        long[] run = new long[n], wait = new long[n], slices = new long[n];
        Sched sched = Boolean.getBoolean("sched") ? new Sched() : null;
        long[] s0 = new long[3], s1 = new long[3];
        for (int i = 0; i < n; i++) {
            long[] f0 = faults();
            if (sched != null) {
                sched.read(s0);
            }
            long t0 = System.nanoTime();
            s.step(s.nextBatch());
            long t1 = System.nanoTime();
            if (sched != null) {
                sched.read(s1);
                run[i] = s1[0] - s0[0];
                wait[i] = s1[1] - s0[1];
                slices[i] = s1[2] - s0[2];
            }
            long[] f1 = faults();
            minf[i] = f1[0] - f0[0];
            majf[i] = f1[1] - f0[1];
            long t1b = System.nanoTime();
            work.accept(repeats);
            long t2 = System.nanoTime();
            ts[i] = t0;
            ta[i] = t1 - t0;
            tb[i] = t2 - t1b;
        }
        try (PrintWriter w = new PrintWriter(a[3])) {
            w.println("# repeats " + repeats + " footprint kB " + kb);
            for (int i = 0; i < n; i++) {
                w.println(ta[i] + " " + tb[i] + " " + ts[i] + " " + minf[i] + " " + majf[i] + " " + run[i] + " " + wait[i] + " " + slices[i]);
            }
        }
    }

    /** How many calls of {@code work(1)} last as long as one step of {@code s} (medians of 201 pairs). */
    static int repeats(TrainingSteps s, java.util.function.IntConsumer work) {
        double[] stepMs = new double[201];
        double[] onceMs = new double[201];
        for (int i = 0; i < stepMs.length; i++) {
            long t0 = System.nanoTime();
            s.step(s.nextBatch());
            long t1 = System.nanoTime();
            work.accept(1);
            long t2 = System.nanoTime();
            stepMs[i] = (t1 - t0) / 1e6;
            onceMs[i] = (t2 - t1) / 1e6;
        }
        Arrays.sort(stepMs);
        Arrays.sort(onceMs);
        return (int) Math.max(1, Math.round(stepMs[100] / onceMs[100]));
    }

    /** Plain Java work over {@code kb} kB of float arrays (three arrays, one pass per call), allocating nothing. */
    static final class Streaming {
        private final float[] x, y, z;
        private float sink;

        Streaming(int kb) {
            int n = kb * 1024 / 12;
            x = new float[n];
            y = new float[n];
            z = new float[n];
            for (int i = 0; i < n; i++) {
                x[i] = (i % 7) * 0.25f;
                y[i] = (i % 5) * 0.5f;
            }
        }

        void run(int times) {
            for (int k = 0; k < times; k++) {
                for (int i = 0; i < x.length; i++) {
                    z[i] = z[i] * 0.5f + x[i] * y[i];
                }
                sink += z[k % z.length];
            }
        }
    }

    /** The calling thread's /proc/thread-self/schedstat (ns on the processor, ns waiting to run, time slices), read without allocating. */
    static final class Sched {
        private final java.io.RandomAccessFile file;
        private final byte[] buf = new byte[128];

        Sched() throws java.io.IOException {
            file = new java.io.RandomAccessFile("/proc/thread-self/schedstat", "r");
        }

        void read(long[] into) {
            try {
                file.seek(0);
                int n = file.read(buf);
                int k = 0;
                long v = 0;
                for (int i = 0; i < n && k < 3; i++) {
                    byte c = buf[i];
                    if (c >= '0' && c <= '9') {
                        v = v * 10 + (c - '0');
                    } else {
                        into[k++] = v;
                        v = 0;
                    }
                }
            } catch (java.io.IOException e) {
                throw new RuntimeException(e);
            }
        }
    }
}
