package org.attnlab.bench.measure;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.attnlab.bench.cases.ExperimentModel;
import org.attnlab.experiments.run.ReplayedOpTimer;
import org.attnlab.experiments.run.TrainingSteps;

/**
 * Alternates an experiment's training step with plain Java work of about the same length in one thread (as
 * PairedSteps does) and times every replayed op of every timed step, allocating nothing while timing. Writes
 * {@code ops.txt} (the step's op names in order), {@code steps.txt} (per pair: step start ns, step ns, work ns, the
 * thread's run / wait ns and time slices across the step) and {@code op-ns.bin} (per step, each op's ns, as
 * big-endian longs). With a fifth argument KB, each step is followed also by plain Java passes over KB kB
 * ({@code PairedSteps.Streaming}) lasting as long, and {@code steps.txt} gets a seventh column, their ns; with
 * {@code frontend} instead of KB, by calls of {@link FrontEnd}'s C code.
 *
 * <p>Arguments: config, warm-up pairs, timed pairs, output folder[, KB or frontend].
 */
public class OpSteps {
    public static void main(String[] a) throws Exception {
        int warm = Integer.parseInt(a[1]), n = Integer.parseInt(a[2]);
        Path out = Path.of(a[3]);
        ExperimentModel m = ExperimentModel.load(Path.of(a[0]));
        TrainingSteps s = m.start();
        FixedWork fixed = new FixedWork();
        boolean frontEnd = a.length > 4 && a[4].equals("frontend");
        int kb = a.length > 4 && !frontEnd ? Integer.parseInt(a[4]) : 0;
        java.util.function.IntConsumer streaming = frontEnd ? FrontEnd::run1000
                : kb > 0 ? new PairedSteps.Streaming(kb)::run : null;
        for (int i = 0; i < warm; i++) {
            s.step(s.nextBatch());
            fixed.run(30);
            if (streaming != null) {
                streaming.accept(1);
            }
        }
        // the op sequence of one step
        List<String> names = new ArrayList<>();
        s.timeReplayedOps((op, shapes, nanos) -> names.add(op + " " + shapes));
        s.step(s.nextBatch());
        int k = names.size();
        s.timeReplayedOps(null);
        int repeats = PairedSteps.repeats(s, fixed::run);
        int passes = streaming == null ? 0 : PairedSteps.repeats(s, streaming);
        long[] opNs = new long[n * k];
        int[] at = {0};
        ReplayedOpTimer timer = (op, shapes, nanos) -> opNs[at[0]++] = nanos;
        s.timeReplayedOps(timer);
        long[] ts = new long[n], ta = new long[n], tb = new long[n], run = new long[n], wait = new long[n],
                slices = new long[n], tc = new long[n];
        PairedSteps.Sched sched = new PairedSteps.Sched();
        long[] s0 = new long[3], s1 = new long[3];
        for (int i = 0; i < n; i++) {
            if (at[0] != i * k) {
                throw new IllegalStateException("step " + (i - 1) + " timed " + (at[0] - (i - 1) * k) + " ops, not " + k);
            }
            sched.read(s0);
            long t0 = System.nanoTime();
            s.step(s.nextBatch());
            long t1 = System.nanoTime();
            sched.read(s1);
            fixed.run(repeats);
            long t2 = System.nanoTime();
            if (streaming != null) {
                streaming.accept(passes);
                tc[i] = System.nanoTime() - t2;
            }
            ts[i] = t0;
            ta[i] = t1 - t0;
            tb[i] = t2 - t1;
            run[i] = s1[0] - s0[0];
            wait[i] = s1[1] - s0[1];
            slices[i] = s1[2] - s0[2];
        }
        s.timeReplayedOps(null);
        java.nio.file.Files.createDirectories(out);
        java.nio.file.Files.write(out.resolve("ops.txt"), names);
        try (PrintWriter w = new PrintWriter(out.resolve("steps.txt").toFile())) {
            w.println("# ops " + k + " repeats " + repeats + (streaming == null ? "" : frontEnd
                    ? " passes " + passes + " over kB 0 frontend" : " passes " + passes + " over kB " + kb)
                    + "; start_ns step_ns work_ns run_ns wait_ns slices" + (streaming == null ? "" : " stream_ns"));
            for (int i = 0; i < n; i++) {
                w.println(ts[i] + " " + ta[i] + " " + tb[i] + " " + run[i] + " " + wait[i] + " " + slices[i]
                        + (streaming == null ? "" : " " + tc[i]));
            }
        }
        try (java.io.DataOutputStream d = new java.io.DataOutputStream(new java.io.BufferedOutputStream(
                java.nio.file.Files.newOutputStream(out.resolve("op-ns.bin"))))) {
            for (long v : opNs) {
                d.writeLong(v);
            }
        }
    }
}
