package org.attnlab.experiments.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;

/** {@link LeadingSum} against libnd4j's {@code reduce_sum} and {@code add_bp}, bit for bit, and a hand-worked sum. */
class LeadingSumTest {

    @Test
    void sumsAColumnRowByRow() {
        INDArray in = Nd4j.createFromArray(new float[][] {{1, 2}, {3, 4}, {5, 6}});
        INDArray out = Nd4j.create(DataType.FLOAT, 2);
        LeadingSum.of(in, out, 1).run();
        assertArrayEquals(new float[] {9, 12}, out.toFloatVector(), 0f);
    }

    /** The shapes an FFN bias, a layer norm's gain and small models' gradients have, with kept axes too. */
    @Test
    void equalsLibnd4jsReductionAlongLeadingAxesBitForBit() {
        Random rnd = new Random(3);
        long[][] shapes = {{4096, 1024}, {32, 128, 256}, {3, 5, 4}, {7, 2}, {2, 3, 1, 6}, {40, 3, 5}};
        int[] summed = {1, 2, 2, 1, 3, 1};
        for (int s = 0; s < shapes.length; s++) {
            INDArray in = gaussian(rnd, shapes[s]);
            int axes = summed[s];
            long[] kept = shapes[s].clone();
            Arrays.fill(kept, 0, axes, 1L);
            for (long[] outShape : new long[][] {Arrays.copyOfRange(shapes[s], axes, shapes[s].length), kept}) {
                INDArray expected = Nd4j.create(DataType.FLOAT, outShape);
                Nd4j.exec(DynamicCustomOp.builder("reduce_sum").addInputs(in).addOutputs(expected)
                        .addIntegerArguments(java.util.stream.IntStream.range(0, axes).toArray())
                        .addBooleanArguments(outShape.length == in.rank()).build());
                INDArray got = Nd4j.create(DataType.FLOAT, outShape);
                LeadingSum sum = LeadingSum.of(in, got, axes);
                assertNotNull(sum, Arrays.toString(shapes[s]));
                sum.run();
                assertArrayEquals(expected.data().asFloat(), got.data().asFloat(), 0f,
                        Arrays.toString(shapes[s]) + " -> " + Arrays.toString(outShape));
            }
        }
    }

    @Test
    void equalsTheBiasGradientOfLibnd4jsAddBpBitForBit() {
        INDArray g = gaussian(new Random(4), new long[] {4096, 1024});
        INDArray x = Nd4j.create(DataType.FLOAT, 4096, 1024);
        INDArray bias = Nd4j.create(DataType.FLOAT, 1024);
        INDArray gx = Nd4j.create(DataType.FLOAT, 4096, 1024);
        INDArray gBias = Nd4j.create(DataType.FLOAT, 1024);
        Nd4j.exec(DynamicCustomOp.builder("add_bp").addInputs(x, bias, g).addOutputs(gx, gBias).build());
        INDArray got = Nd4j.create(DataType.FLOAT, 1024);
        LeadingSum.of(g, got, 1).run();
        assertArrayEquals(gBias.toFloatVector(), got.toFloatVector(), 0f);
    }

    @Test
    void aSingleColumnOtherTypesAndMismatchedOutputsAreLeftToLibnd4j() {
        assertFalse(LeadingSum.fits(Nd4j.rand(DataType.FLOAT, 8, 1), Nd4j.create(DataType.FLOAT, 1), 1),
                "libnd4j sums a single column as a whole array");
        assertFalse(LeadingSum.fits(Nd4j.rand(DataType.DOUBLE, 8, 4), Nd4j.create(DataType.DOUBLE, 4), 1));
        assertFalse(LeadingSum.fits(Nd4j.rand(DataType.FLOAT, 8, 4), Nd4j.create(DataType.FLOAT, 8), 1));
        assertFalse(LeadingSum.fits(Nd4j.rand(DataType.FLOAT, 4, 8).transpose(), Nd4j.create(DataType.FLOAT, 4), 1),
                "a transposed view");
        assertFalse(LeadingSum.fits(Nd4j.rand(DataType.FLOAT, 8, 4), Nd4j.create(DataType.FLOAT, 4), 2),
                "every axis");
    }

    private static INDArray gaussian(Random rnd, long[] shape) {
        INDArray a = Nd4j.create(DataType.FLOAT, shape);
        float[] values = new float[(int) a.length()];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) rnd.nextGaussian();
        }
        a.data().setData(values);
        return a;
    }
}
