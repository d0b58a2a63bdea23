package org.attnlab.experiments.run;

import java.nio.FloatBuffer;
import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.executioner.OpExecutioner;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A batch of small float matrix products computed in Java: {@code c[b] = op(a[b]) * op(b[b])} for c-order arrays of
 * shapes {@code [batch..., rows, cols]}, where {@code op} transposes the last two axes when flagged. libnd4j 1.0.0-M2.1
 * runs such batches (attention's {@code [B, heads, T, T]} scores and their gradients) at 1-3 GFLOP/s with a large cost
 * per matrix; this takes about a quarter of that time (0.71 against 2.65 ms per transformer-ablation step) for
 * matrices of up to {@value #MAX_WORK} multiply-adds and more time for larger ones ({@link BlasBatchedProduct} takes
 * those).
 *
 * <p>Each output element is {@code a0 * b0}, then {@code + ak * bk} for k in order, in float (no fused multiply-add).
 * libnd4j sums in another order, so the results differ from its kernel by float rounding.
 */
final class BatchedProduct implements Runnable {
    /** The most multiply-adds per matrix ({@code rows * inner * cols}) computed here. */
    static final long MAX_WORK = 4096;
    /** Whether arrays live in host memory (the CPU backend), where Java reads and writes their buffers directly. */
    static final boolean ON_CPU =
            Nd4j.getExecutioner().type() == OpExecutioner.ExecutionerType.NATIVE_CPU;

    private final FloatBuffer aBuf;
    private final FloatBuffer bBuf;
    private final FloatBuffer cBuf;
    private final int aOffset;
    private final int bOffset;
    private final int cOffset;
    private final boolean transA;
    private final boolean transB;
    private final int batch;
    private final int m;
    private final int k;
    private final int n;
    private final float[] a;
    private final float[] b;
    private final float[] c;
    /** op(a[i]) as [m][k] rows when a is transposed; op(b[i]) as [n][k] rows when b is not. */
    private final float[] aRows;
    private final float[] bRows;

    private BatchedProduct(INDArray a, INDArray b, INDArray c, boolean transA, boolean transB) {
        this.aBuf = a.data().asNioFloat();
        this.bBuf = b.data().asNioFloat();
        this.cBuf = c.data().asNioFloat();
        this.aOffset = Math.toIntExact(a.offset());
        this.bOffset = Math.toIntExact(b.offset());
        this.cOffset = Math.toIntExact(c.offset());
        this.transA = transA;
        this.transB = transB;
        int r = a.rank();
        this.m = (int) a.size(transA ? r - 1 : r - 2);
        this.k = (int) a.size(transA ? r - 2 : r - 1);
        this.n = (int) b.size(transB ? r - 2 : r - 1);
        this.batch = (int) (c.length() / ((long) m * n));
        this.a = new float[(int) a.length()];
        this.b = new float[(int) b.length()];
        this.c = new float[(int) c.length()];
        this.aRows = new float[m * k];
        this.bRows = new float[n * k];
    }

    /**
     * The product {@code c = op(a) * op(b)} as a kernel, or null when it is not one this class computes: float arrays
     * of one rank of at least 3, c order with default strides, the same batch axes, matching inner sizes, {@code c} of
     * the product's shape, and at most {@link #MAX_WORK} multiply-adds per matrix.
     */
    static BatchedProduct of(INDArray a, INDArray b, INDArray c, boolean transA, boolean transB) {
        return fits(a, b, c, transA, transB) ? new BatchedProduct(a, b, c, transA, transB) : null;
    }

    /** Whether {@link #of} gives a kernel for these arrays: never on a GPU backend (its host copies lag). */
    static boolean fits(INDArray a, INDArray b, INDArray c, boolean transA, boolean transB) {
        long work = work(a, b, c, transA, transB);
        return work > 0 && work <= MAX_WORK;
    }

    /**
     * The multiply-adds per matrix ({@code rows * inner * cols}) of the batch of products {@code c = op(a) * op(b)},
     * or -1 when the arrays are not such a batch on the CPU backend: float arrays of one rank of at least 3, c order
     * with default strides, the same batch axes, matching inner sizes and {@code c} of the product's shape.
     */
    static long work(INDArray a, INDArray b, INDArray c, boolean transA, boolean transB) {
        int r = a.rank();
        if (!ON_CPU || r < 3 || b.rank() != r || c.rank() != r || !dense(a) || !dense(b) || !dense(c)) {
            return -1;
        }
        long[] as = a.shape();
        long[] bs = b.shape();
        long[] cs = c.shape();
        if (!Arrays.equals(as, 0, r - 2, bs, 0, r - 2) || !Arrays.equals(as, 0, r - 2, cs, 0, r - 2)) {
            return -1;
        }
        long m = as[transA ? r - 1 : r - 2];
        long k = as[transA ? r - 2 : r - 1];
        long kb = bs[transB ? r - 1 : r - 2];
        long n = bs[transB ? r - 2 : r - 1];
        return k == kb && k > 0 && cs[r - 2] == m && cs[r - 1] == n ? m * k * n : -1;
    }

    /** Whether {@code x} is a float array in c order with default strides (axes of size 1 aside). */
    static boolean dense(INDArray x) {
        if (x.dataType() != DataType.FLOAT || x.ordering() != 'c' || x.length() > Integer.MAX_VALUE / 2) {
            return false;
        }
        long stride = 1;
        for (int axis = x.rank() - 1; axis >= 0; axis--) {
            if (x.size(axis) != 1 && x.stride(axis) != stride) {
                return false;
            }
            stride *= x.size(axis);
        }
        return true;
    }

    @Override
    public void run() {
        aBuf.get(aOffset, a, 0, a.length);
        bBuf.get(bOffset, b, 0, b.length);
        for (int p = 0; p < batch; p++) {
            multiply(p);
        }
        cBuf.put(cOffset, c, 0, c.length);
    }

    /** Matrix {@code p}: rows of op(a) against rows of op(b) transposed, two rows by four columns at a time. */
    private void multiply(int p) {
        float[] x = a;
        int xo = p * m * k;
        if (transA) {
            for (int kk = 0; kk < k; kk++) {
                for (int i = 0; i < m; i++) {
                    aRows[i * k + kk] = a[xo + kk * m + i];
                }
            }
            x = aRows;
            xo = 0;
        }
        float[] y = b;
        int yo = p * k * n;
        if (!transB) {
            for (int kk = 0; kk < k; kk++) {
                for (int j = 0; j < n; j++) {
                    bRows[j * k + kk] = b[yo + kk * n + j];
                }
            }
            y = bRows;
            yo = 0;
        }
        int co = p * m * n;
        int i = 0;
        for (; i + 1 < m; i += 2) {
            int a0 = xo + i * k;
            int a1 = a0 + k;
            int j = 0;
            for (; j + 3 < n; j += 4) {
                block(x, a0, a1, y, yo + j * k, co + i * n + j);
            }
            for (; j < n; j++) {
                c[co + i * n + j] = dot(x, a0, y, yo + j * k);
                c[co + (i + 1) * n + j] = dot(x, a1, y, yo + j * k);
            }
        }
        for (; i < m; i++) {
            for (int j = 0; j < n; j++) {
                c[co + i * n + j] = dot(x, xo + i * k, y, yo + j * k);
            }
        }
    }

    /** Rows {@code a0}, {@code a1} of x against the four rows of y from {@code b0}, into c from {@code c0}. */
    private void block(float[] x, int a0, int a1, float[] y, int b0, int c0) {
        int b1 = b0 + k;
        int b2 = b1 + k;
        int b3 = b2 + k;
        float x0 = x[a0];
        float x1 = x[a1];
        float s00 = x0 * y[b0];
        float s01 = x0 * y[b1];
        float s02 = x0 * y[b2];
        float s03 = x0 * y[b3];
        float s10 = x1 * y[b0];
        float s11 = x1 * y[b1];
        float s12 = x1 * y[b2];
        float s13 = x1 * y[b3];
        for (int kk = 1; kk < k; kk++) {
            x0 = x[a0 + kk];
            x1 = x[a1 + kk];
            float y0 = y[b0 + kk];
            float y1 = y[b1 + kk];
            float y2 = y[b2 + kk];
            float y3 = y[b3 + kk];
            s00 = s00 + x0 * y0;
            s01 = s01 + x0 * y1;
            s02 = s02 + x0 * y2;
            s03 = s03 + x0 * y3;
            s10 = s10 + x1 * y0;
            s11 = s11 + x1 * y1;
            s12 = s12 + x1 * y2;
            s13 = s13 + x1 * y3;
        }
        int c1 = c0 + n;
        c[c0] = s00;
        c[c0 + 1] = s01;
        c[c0 + 2] = s02;
        c[c0 + 3] = s03;
        c[c1] = s10;
        c[c1 + 1] = s11;
        c[c1 + 2] = s12;
        c[c1 + 3] = s13;
    }

    private float dot(float[] x, int xi, float[] y, int yi) {
        float s = x[xi] * y[yi];
        for (int kk = 1; kk < k; kk++) {
            s = s + x[xi + kk] * y[yi + kk];
        }
        return s;
    }
}
