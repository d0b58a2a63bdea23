package org.attnlab.experiments.run;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.openblas.global.openblas_nolapack;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A batch of float matrix products {@code c[p] = op(a[p]) * op(b[p])} (c-order arrays {@code [batch..., rows, cols]},
 * {@code op} transposing the last two axes when flagged) as OpenBLAS {@code sgemm} calls on the CPU backend. With one
 * BLAS thread it makes one call per matrix, as libnd4j 1.0.0-M2.1 does. With more, libnd4j's calls each run on all of
 * OpenBLAS's threads, which for attention's matrices costs more than it saves (a {@code [256, 128, 32] x [256, 32, 128]}
 * batch took 9-13 ms on two threads against 5 ms on one); here each call covers a block of rows small enough that
 * OpenBLAS runs it on the calling thread alone, and the calls are shared out among as many Java threads as BLAS has
 * (3-6 ms for that batch). Blocks of rows round differently from whole matrices.
 */
final class BlasBatchedProduct implements Runnable {
    /** OpenBLAS runs a product of at most this many multiply-adds on one thread ({@code interface/gemm.c}). */
    static final long ONE_THREAD_WORK = 65536L * openblas_nolapack.OPENBLAS_GEMM_MULTITHREAD_THRESHOLD;
    private static final int ROW_MAJOR = 101;
    private static final int NO_TRANS = 111;
    private static final int TRANS = 112;

    /** The arrays whose buffers the pointers address, kept reachable while the kernel is. */
    private final INDArray[] kept;
    private final boolean transA;
    private final boolean transB;
    private final int k;
    private final int n;
    private final int lda;
    private final int ldb;
    private final FloatPointer[] aAt;
    private final FloatPointer[] bAt;
    private final FloatPointer[] cAt;
    private final int[] rowsAt;
    private final Runnable[] parts;
    /** The other threads' shares of the current run (kept, so that a run allocates only the pool's tasks). */
    private final Future<?>[] others;

    private BlasBatchedProduct(INDArray a, INDArray b, INDArray c, boolean transA, boolean transB, int threads) {
        this.kept = new INDArray[]{a, b, c};
        this.transA = transA;
        this.transB = transB;
        int r = a.rank();
        int m = (int) a.size(transA ? r - 1 : r - 2);
        this.k = (int) a.size(transA ? r - 2 : r - 1);
        this.n = (int) b.size(transB ? r - 2 : r - 1);
        this.lda = transA ? m : k;
        this.ldb = transB ? k : n;
        int batch = (int) (c.length() / ((long) m * n));
        int rows = threads == 1 ? m : (int) Math.max(1, Math.min(m, ONE_THREAD_WORK / ((long) k * n)));
        int blocks = (m + rows - 1) / rows;
        int calls = batch * blocks;
        this.aAt = new FloatPointer[calls];
        this.bAt = new FloatPointer[calls];
        this.cAt = new FloatPointer[calls];
        this.rowsAt = new int[calls];
        FloatPointer aBase = new FloatPointer(a.data().addressPointer());
        FloatPointer bBase = new FloatPointer(b.data().addressPointer());
        FloatPointer cBase = new FloatPointer(c.data().addressPointer());
        for (int p = 0; p < batch; p++) {
            for (int q = 0; q < blocks; q++) {
                int call = p * blocks + q;
                long first = (long) q * rows;
                rowsAt[call] = (int) Math.min(rows, m - first);
                // row i of op(a) starts at i * k in a, or is column i (offset i) of a transposed
                aAt[call] = new FloatPointer(aBase).position(a.offset() + (long) p * m * k + (transA ? first : first * k));
                bAt[call] = new FloatPointer(bBase).position(b.offset() + (long) p * k * n);
                cAt[call] = new FloatPointer(cBase).position(c.offset() + (long) p * m * n + first * n);
            }
        }
        int shares = Math.max(1, Math.min(threads, calls));
        this.parts = new Runnable[shares];
        for (int t = 0; t < shares; t++) {
            int from = (int) ((long) calls * t / shares);
            int to = (int) ((long) calls * (t + 1) / shares);
            parts[t] = () -> multiply(from, to);
        }
        this.others = new Future<?>[shares - 1];
    }

    /**
     * The product {@code c = op(a) * op(b)} as a kernel, or null when the arrays are not a batch of products on the CPU
     * backend ({@link BatchedProduct#work}) or one of them is a view into a buffer at an offset.
     */
    static BlasBatchedProduct of(INDArray a, INDArray b, INDArray c, boolean transA, boolean transB) {
        return of(a, b, c, transA, transB, Math.max(1, Nd4j.factory().blas().getMaxThreads()));
    }

    /** {@link #of(INDArray, INDArray, INDArray, boolean, boolean)} sharing the calls among {@code threads} threads. */
    static BlasBatchedProduct of(INDArray a, INDArray b, INDArray c, boolean transA, boolean transB, int threads) {
        return fits(a, b, c, transA, transB) ? new BlasBatchedProduct(a, b, c, transA, transB, threads) : null;
    }

    /** Whether {@link #of} gives a kernel for these arrays. */
    static boolean fits(INDArray a, INDArray b, INDArray c, boolean transA, boolean transB) {
        return BatchedProduct.work(a, b, c, transA, transB) > 0 && a.data().offset() == 0 && b.data().offset() == 0
                && c.data().offset() == 0 && c.length() <= Integer.MAX_VALUE;
    }

    @Override
    public void run() {
        if (parts.length == 1) {
            parts[0].run();
            return;
        }
        for (int t = 1; t < parts.length; t++) {
            others[t - 1] = Workers.POOL.submit(parts[t]);
        }
        parts[0].run();
        try {
            for (Future<?> f : others) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted in a matrix product", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a matrix product failed", e.getCause());
        }
    }

    /** The calls {@code from} (inclusive) to {@code to}. */
    private void multiply(int from, int to) {
        int ta = transA ? TRANS : NO_TRANS;
        int tb = transB ? TRANS : NO_TRANS;
        for (int call = from; call < to; call++) {
            openblas_nolapack.cblas_sgemm(ROW_MAJOR, ta, tb, rowsAt[call], n, k, 1f, aAt[call], lda, bAt[call], ldb,
                    0f, cAt[call], n);
        }
    }

    /** The Java threads that take their share of the calls beside the calling thread (daemons, made when first used). */
    private static final class Workers {
        static final ExecutorService POOL = Executors.newCachedThreadPool(new ThreadFactory() {
            private final AtomicInteger count = new AtomicInteger();

            @Override
            public Thread newThread(Runnable r) {
                Thread t = new Thread(r, "attnlab-products-" + count.incrementAndGet());
                t.setDaemon(true);
                return t;
            }
        });
    }
}
