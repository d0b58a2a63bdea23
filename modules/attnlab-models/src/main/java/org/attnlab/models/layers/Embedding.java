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
     * @param table {@code [vocab, d]} embedding table
     * @return {@code [B, T, d]}
     */
    public static SDVariable lookup(SameDiff sd, SDVariable ids, SDVariable table, int vocab, int d) {
        SDVariable oneHot = sd.oneHot(ids.castTo(DataType.INT), vocab, -1, 1.0, 0.0, table.dataType());
        return Projections.last(sd, oneHot, table, 3, vocab, d);
    }

    /**
     * Rows {@code [0, T)} of a position table {@code [maxLen, d]} (an ensemble's {@code [E, maxLen, d]} gives
     * {@code [E, T, d]}), with {@code T} the run-time length of {@code ids [B, T]}.
     */
    public static SDVariable firstRows(SameDiff sd, SDVariable table, SDVariable ids, int d) {
        SDVariable t = sd.reshape(sd.sizeAt(ids, 1).castTo(DataType.INT), 1);
        long[] shape = table.getShape();
        if (shape.length == 2) {
            return sd.slice(table, sd.constant(Nd4j.createFromArray(0, 0)), sd.concat(0, t,
                    sd.constant(Nd4j.createFromArray(d))));
        }
        SDVariable size = sd.concat(0, sd.constant(Nd4j.createFromArray((int) shape[0])), t,
                sd.constant(Nd4j.createFromArray(d)));
        return sd.slice(table, sd.constant(Nd4j.createFromArray(0, 0, 0)), size);
    }
}
