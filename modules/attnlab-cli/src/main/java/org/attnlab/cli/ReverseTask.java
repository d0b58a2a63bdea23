package org.attnlab.cli;

import java.util.SplittableRandom;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/** Sequence reversal: random token ids in, the same ids reversed out; batches are reproducible from a seed. */
record ReverseTask(int length, int vocab) {

    /** A batch of {@code size} examples: features {@code [B, T]} ids, labels {@code [B, T, vocab]} one-hot. */
    DataSet batch(int size, SplittableRandom rnd) {
        float[][] ids = new float[size][length];
        float[][][] oneHot = new float[size][length][vocab];
        for (int b = 0; b < size; b++) {
            for (int t = 0; t < length; t++) {
                ids[b][t] = rnd.nextInt(vocab);
            }
            for (int t = 0; t < length; t++) {
                oneHot[b][t][(int) ids[b][length - 1 - t]] = 1f;
            }
        }
        return new DataSet(Nd4j.create(ids), Nd4j.create(oneHot));
    }
}
