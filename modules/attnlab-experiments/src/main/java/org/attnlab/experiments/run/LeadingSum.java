package org.attnlab.experiments.run;

import java.nio.FloatBuffer;
import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The sum of a float array along its leading axes, computed in Java: {@code in} seen as {@code [rows, columns]} (its
 * leading axes as rows), {@code out[j] = in[0, j] + in[1, j] + ...}, added row by row. Each column is summed from 0 in
 * row order, as libnd4j 1.0.0-M2.1's reduction along those axes sums it, so the results are the same bit for bit; but
 * libnd4j walks down each column with the row length as its stride, which for a bias gradient {@code [4096, 1024]}
 * (a new page every element) took 31-37 ms where this takes about 2.
 */
final class LeadingSum implements Runnable {
    private final FloatBuffer in;
    private final FloatBuffer out;
    private final int inOffset;
    private final int outOffset;
    private final int rows;
    private final float[] row;
    private final float[] sums;

    private LeadingSum(INDArray in, INDArray out) {
        this.in = in.data().asNioFloat();
        this.out = out.data().asNioFloat();
        this.inOffset = Math.toIntExact(in.offset());
        this.outOffset = Math.toIntExact(out.offset());
        int columns = (int) out.length();
        this.rows = (int) (in.length() / columns);
        this.row = new float[columns];
        this.sums = new float[columns];
    }

    /**
     * {@code out} as the sum of {@code in} along its first {@code axes} axes, or null when this class does not compute
     * it: float arrays in c order with default strides on the CPU backend, {@code out} as long as {@code in}'s other
     * axes (of any shape, so kept axes of size 1 do), and at least two columns (libnd4j reduces a single column as a
     * whole array, in another order).
     *
     * @param in {@code [rows..., columns...]}
     * @param out {@code [columns...]}, or with the summed axes kept as size 1
     */
    static LeadingSum of(INDArray in, INDArray out, int axes) {
        return fits(in, out, axes) ? new LeadingSum(in, out) : null;
    }

    /** Whether {@link #of} gives a kernel for these arrays. */
    static boolean fits(INDArray in, INDArray out, int axes) {
        if (!BatchedProduct.ON_CPU || axes < 1 || axes >= in.rank() || !BatchedProduct.dense(in)
                || !BatchedProduct.dense(out)) {
            return false;
        }
        long columns = 1;
        for (int a = axes; a < in.rank(); a++) {
            columns *= in.size(a);
        }
        return columns >= 2 && out.length() == columns;
    }

    @Override
    public void run() {
        int columns = sums.length;
        Arrays.fill(sums, 0f);
        for (int i = 0; i < rows; i++) {
            in.get(inOffset + i * columns, row, 0, columns);
            for (int j = 0; j < columns; j++) {
                sums[j] += row[j];
            }
        }
        out.put(outOffset, sums, 0, columns);
    }
}
