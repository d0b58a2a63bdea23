import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.buffer.DataType;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.openblas.global.openblas_nolapack;

public class Bmm {
  public static void main(String[] args) {
    int B = 256, M = 128, K = 32, N = 128;
    Nd4j.getRandom().setSeed(1);
    INDArray a = Nd4j.rand(DataType.FLOAT, 32, 8, M, K);
    INDArray b = Nd4j.rand(DataType.FLOAT, 32, 8, N, K);
    INDArray c1 = Nd4j.create(DataType.FLOAT, 32, 8, M, N);
    INDArray c2 = Nd4j.create(DataType.FLOAT, 32, 8, M, N);
    FloatPointer pa = new FloatPointer(a.data().addressPointer());
    FloatPointer pb = new FloatPointer(b.data().addressPointer());
    FloatPointer pc = new FloatPointer(c2.data().addressPointer());
    FloatPointer[] as = new FloatPointer[B], bs = new FloatPointer[B], cs = new FloatPointer[B];
    for (int p = 0; p < B; p++) {
      as[p] = new FloatPointer(pa).position((long) p * M * K);
      bs[p] = new FloatPointer(pb).position((long) p * N * K);
      cs[p] = new FloatPointer(pc).position((long) p * M * N);
    }
    INDArray c3 = Nd4j.create(DataType.FLOAT, 32, 8, M, N);
    org.nd4j.linalg.api.blas.Blas blas = Nd4j.factory().blas();
    System.out.println("blas threads " + blas.getMaxThreads());
    for (int r = 0; r < 8; r++) {
      blas.setMaxThreads(1);
      long s0 = System.nanoTime();
      Nd4j.matmul(a, b, c3, false, true, false);
      long s1 = System.nanoTime();
      blas.setMaxThreads(2);
      System.out.printf("libnd4j with blas 1 thread %.2f ms maxdiff %.3g%n", (s1 - s0) / 1e6, c1.sub(c3).amaxNumber().doubleValue());
      long t0 = System.nanoTime();
      Nd4j.matmul(a, b, c1, false, true, false);
      long t1 = System.nanoTime();
      for (int p = 0; p < B; p++) {
        openblas_nolapack.cblas_sgemm(101, 111, 112, M, N, K, 1f, as[p], K, bs[p], K, 0f, cs[p], N);
      }
      long t2 = System.nanoTime();
      System.out.printf("libnd4j %.2f ms  cblas loop %.2f ms  maxdiff %.3g%n", (t1 - t0) / 1e6, (t2 - t1) / 1e6,
          c1.sub(c2).amaxNumber().doubleValue());
    }
  }
}
