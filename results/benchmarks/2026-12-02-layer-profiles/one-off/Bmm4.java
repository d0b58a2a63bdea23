import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.buffer.DataType;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.openblas.global.openblas_nolapack;
import java.util.concurrent.*;

public class Bmm4 {
  static ExecutorService pool = Executors.newFixedThreadPool(1, r -> { Thread t = new Thread(r); t.setDaemon(true); return t; });
  public static void main(String[] args) throws Exception {
    int[][] sizes = {{256,128,32,128},{256,128,128,32},{64,64,64,64},{256,16,32,16}};
    int threads = Nd4j.factory().blas().getMaxThreads();
    System.out.println("threshold const " + openblas_nolapack.OPENBLAS_GEMM_MULTITHREAD_THRESHOLD);
    INDArray big = Nd4j.rand(DataType.FLOAT, 4096, 256), big2 = Nd4j.rand(DataType.FLOAT, 256, 256), big3 = Nd4j.create(DataType.FLOAT, 4096, 256);
    for (int[] s : sizes) {
      int B = s[0], M = s[1], K = s[2], N = s[3];
      INDArray a = Nd4j.rand(DataType.FLOAT, B, M, K);
      INDArray b = Nd4j.rand(DataType.FLOAT, B, K, N);
      INDArray c1 = Nd4j.create(DataType.FLOAT, B, M, N);
      INDArray c2 = Nd4j.create(DataType.FLOAT, B, M, N);
      INDArray c3 = Nd4j.create(DataType.FLOAT, B, M, N);
      int rows = (int) Math.max(1, Math.min(M, Long.getLong("cap", 262144L) / ((long) N * K)));
      int blocks = (M + rows - 1) / rows;
      int items = B * blocks;
      FloatPointer[] as = new FloatPointer[items], bs = new FloatPointer[items], cs = new FloatPointer[items], cw = new FloatPointer[B];
      int[] ms = new int[items];
      FloatPointer pa = new FloatPointer(a.data().addressPointer()), pb = new FloatPointer(b.data().addressPointer()), pc = new FloatPointer(c2.data().addressPointer()), pw = new FloatPointer(c3.data().addressPointer());
      for (int p = 0; p < B; p++) { cw[p] = new FloatPointer(pw).position((long)p*M*N);
        for (int q = 0; q < blocks; q++) { int i = p * blocks + q; int r0 = q * rows; ms[i] = Math.min(rows, M - r0);
        as[i] = new FloatPointer(pa).position((long) p*M*K + (long) r0*K); bs[i] = new FloatPointer(pb).position((long)p*K*N); cs[i] = new FloatPointer(pc).position((long)p*M*N + (long) r0*N); } }
      double[] tl = new double[30], tb = new double[30];
      for (int r = 0; r < 30; r++) {
        long t0 = System.nanoTime();
        if (Boolean.getBoolean("nd")) Nd4j.matmul(a, b, c1, false, false, false);
        if (Boolean.getBoolean("big")) big.mmuli(big2, big3);
        long t1 = System.nanoTime();
        int half = threads > 1 ? items / 2 : items;
        Future<?> f = threads > 1 ? pool.submit(() -> { for (int i = half; i < items; i++) openblas_nolapack.cblas_sgemm(101,111,111,ms[i],N,K,1f,as[i],K,bs[i],N,0f,cs[i],N); }) : null;
        for (int i = 0; i < half; i++) openblas_nolapack.cblas_sgemm(101,111,111,ms[i],N,K,1f,as[i],K,bs[i],N,0f,cs[i],N);
        if (f != null) f.get();
        long t2 = System.nanoTime();
        tl[r] = (t1-t0)/1e3; tb[r] = (t2-t1)/1e3;
      }
      for (int p = 0; p < B; p++) openblas_nolapack.cblas_sgemm(101,111,111,M,N,K,1f,new FloatPointer(pa).position((long)p*M*K),K,bs[p*blocks],N,0f,cw[p],N);
      java.util.Arrays.sort(tl); java.util.Arrays.sort(tb);
      System.out.printf("%s rows %d: libnd4j median %.0f us, blocks split %.0f us (min %.0f); vs libnd4j maxdiff %.3g; vs whole-matrix same-thread-count %.3g%n", java.util.Arrays.toString(s), rows, tl[15], tb[15], tb[0], c1.sub(c2).amaxNumber().doubleValue(), c3.sub(c2).amaxNumber().doubleValue());
    }
  }
}
