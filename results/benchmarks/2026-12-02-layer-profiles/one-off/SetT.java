import org.nd4j.linalg.factory.Nd4j;
import org.bytedeco.openblas.global.openblas_nolapack;
public class SetT { public static void main(String[] a) {
  Nd4j.create(1);
  for (int r = 0; r < 3; r++) {
  long t0 = System.nanoTime(); for (int i = 0; i < 100; i++) openblas_nolapack.blas_set_num_threads(1);
  long t1 = System.nanoTime(); for (int i = 0; i < 100; i++) { openblas_nolapack.blas_set_num_threads(1); openblas_nolapack.blas_set_num_threads(2);} 
  long t2 = System.nanoTime();
  System.out.printf("set1 %.1f us, pair %.1f us, now %d%n", (t1-t0)/1e5, (t2-t1)/1e5, openblas_nolapack.blas_get_num_threads()); }
}}
