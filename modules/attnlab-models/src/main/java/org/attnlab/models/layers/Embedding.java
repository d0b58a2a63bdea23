package org.attnlab.models.layers;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Token embedding lookup written as one-hot x table. SameDiff M2.1's {@code gather} backward takes seconds per
 * step on small batches (measured 4 s vs 10 ms for the one-hot product) and fails inside {@code sd.fit}.
 */
public final class Embedding {
    private Embedding() {
    }

    /**
     * @param ids   {@code [B, T]} token ids stored as floats
     * @param table {@code [vocab, d]} embedding table (an ensemble's {@code [E, vocab, d]}, with ids {@code [E*B, T]})
     * @return {@code [B, T, d]}
     */
    public static SDVariable lookup(SameDiff sd, SDVariable ids, SDVariable table, int vocab, int d) {
        long[] shape = table.getShape();
        SDVariable flat = shape.length == 3 ? sd.reshape(ids, shape[0], -1) : sd.reshape(ids, -1);  // [(E,) N]
        SDVariable oneHot = sd.oneHot(flat.castTo(DataType.INT), vocab, -1, 1.0, 0.0, table.dataType());
        return sd.reshape(sd.mmul(oneHot, table), DynamicShapes.appending(sd, ids, d));
    }

    /**
     * Rows {@code [0, T)} of a position table {@code [maxLen, d]} (an ensemble's {@code [E, maxLen, d]} gives
     * {@code [E, T, d]}), with {@code T} the run-time length of {@code ids [B, T]}.
     */
    public static SDVariable firstRows(SameDiff sd, SDVariable table, SDVariable ids, int d) {
        SDVariable t = DynamicShapes.tail(sd, ids, 2);
        long[] shape = table.getShape();
        if (shape.length == 2) {
            return sd.slice(table, sd.constant(Nd4j.createFromArray(0L, 0L)), sd.concat(0, t,
                    sd.constant(Nd4j.createFromArray((long) d))));
        }
        SDVariable size = sd.concat(0, sd.constant(Nd4j.createFromArray(shape[0])), t,
                sd.constant(Nd4j.createFromArray((long) d)));
        return sd.slice(table, sd.constant(Nd4j.createFromArray(0L, 0L, 0L)), size);
    }
}
