// Measurement program of results/benchmarks/2026-12-02-garbage-free-models (see its README, "Where a slow step's extra
// time goes"): trains an experiment's first variant, then times each replayed op of N steps and splits the 12 slowest
// steps' extra time over the median into data and ops. Run with java's source launcher on the launcher's classpath:
//   java -cp "modules/attnlab-cli/target/attnlab-cli.jar:modules/attnlab-cli/target/lib/*" SlowSteps.java FILE.yaml N
import java.nio.file.Path;
import java.util.*;
import org.attnlab.bench.cases.ExperimentModel;
import org.attnlab.experiments.run.*;
import org.nd4j.linalg.factory.Nd4j;

public class SlowSteps {
    public static void main(String[] a) {
        Nd4j.getEnvironment().setMaxThreads(1); Nd4j.getEnvironment().setMaxMasterThreads(1); Nd4j.factory().blas().setMaxThreads(1);
        ExperimentModel m = ExperimentModel.load(Path.of(a[0]));
        TrainingSteps steps = m.start();
        FitSession session = new FitSession(steps.model().sd());
        int warm = 3000, n = Integer.parseInt(a[1]);
        for (int i = 0; i < warm; i++) session.fit(steps.model().adapter().apply(steps.nextBatch()));
        long[][] ops = new long[n][];
        String[] names = new String[400];
        int[] k = {0}; long[] cur = new long[400]; int[] step = {0};
        session.timeReplayedOps((op, shapes, nanos) -> { if (k[0] < 400) { cur[k[0]] = nanos; if (names[k[0]] == null) names[k[0]] = op; k[0]++; } });
        for (int i = 0; i < n; i++) ops[i] = new long[400];
        int[] counts = new int[n];
        long[] wall = new long[n], data = new long[n], start = new long[n];
        long nano0 = System.nanoTime(); double up0 = java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime();
        for (int i = 0; i < n; i++) {
            k[0] = 0;
            long t0 = System.nanoTime(); start[i] = t0;
            var raw = steps.nextBatch();
            var b = steps.model().adapter().apply(raw);
            long t1 = System.nanoTime();
            session.fit(b);
            long t2 = System.nanoTime();
            wall[i] = t2 - t0; data[i] = t1 - t0;
            System.arraycopy(cur, 0, ops[i], 0, k[0]); counts[i] = k[0];
        }
        int K = counts[n - 1];
        long min = Arrays.stream(wall).min().getAsLong();
        long[] med = new long[K];
        for (int j = 0; j < K; j++) { long[] c = new long[n]; for (int i = 0; i < n; i++) c[i] = ops[i][j]; Arrays.sort(c); med[j] = c[n / 2]; }
        long medData; { long[] c = data.clone(); Arrays.sort(c); medData = c[n / 2]; }
        long[] ws = wall.clone(); Arrays.sort(ws);
        System.out.printf("ops/step %d, min %.3f med %.3f p99 %.3f max %.3f ms, data med %.3f ms%n", K, min / 1e6, ws[n / 2] / 1e6, ws[(int) (n * .99)] / 1e6, ws[n - 1] / 1e6, medData / 1e6);
        Integer[] idx = new Integer[n]; for (int i = 0; i < n; i++) idx[i] = i;
        Arrays.sort(idx, (x, y) -> Long.compare(wall[y], wall[x]));
        for (int r = 0; r < 12; r++) {
            int i = idx[r];
            long extra = wall[i] - ws[n / 2];
            // per-op excess over median, top 3; and how many ops are >1.3x their median
            long[] ex = new long[K]; int slowOps = 0; long sumEx = 0;
            for (int j = 0; j < K; j++) { ex[j] = ops[i][j] - med[j]; sumEx += ex[j]; if (ops[i][j] > 1.3 * med[j] + 2000) slowOps++; }
            Integer[] o = new Integer[K]; for (int j = 0; j < K; j++) o[j] = j;
            Arrays.sort(o, (x, y) -> Long.compare(ex[y], ex[x]));
            System.out.printf("uptime %.3f s .. ", (up0 + (start[i] - nano0) / 1e6) / 1e3);
            System.out.printf("step %d: %.3f ms (%.2fx min), extra over median %.0f us: data %+.0f us, ops %+.0f us (%d of %d ops >1.3x their median); top: %s %+.0f us, %s %+.0f us%n",
                i, wall[i] / 1e6, (double) wall[i] / min, extra / 1e3, (data[i] - medData) / 1e3, sumEx / 1e3, slowOps, K,
                names[o[0]].split(" ")[0], ex[o[0]] / 1e3, names[o[1]].split(" ")[0], ex[o[1]] / 1e3);
        }
    }
}
