package org.attnlab.bench.measure;
import java.io.PrintWriter;
import java.nio.file.Path;
import org.attnlab.bench.cases.ExperimentModel;
import org.attnlab.experiments.run.TrainingSteps;

/** Times an experiment's training steps with System.nanoTime stamps, to line up with -Xlog's "tn" decorator. */
public class SlowSteps {
    public static void main(String[] a) throws Exception {
        int warm = Integer.parseInt(a[1]), n = Integer.parseInt(a[2]);
        ExperimentModel m = ExperimentModel.load(Path.of(a[0]));
        TrainingSteps s = m.start();
        for (int i = 0; i < warm; i++) { s.step(s.nextBatch()); new SpeedProbe().ms(); }
        long[] t0 = new long[n], t1 = new long[n]; double[] pr = new double[n]; SpeedProbe probe = new SpeedProbe();
        for (int i = 0; i < n; i++) {
            t0[i] = System.nanoTime();
            s.step(s.nextBatch());
            t1[i] = System.nanoTime();
            pr[i] = probe.ms();
        }
        try (PrintWriter w = new PrintWriter(a[3])) {
            for (int i = 0; i < n; i++) w.println(t0[i] + " " + t1[i] + " " + pr[i]);
        }
    }
}
