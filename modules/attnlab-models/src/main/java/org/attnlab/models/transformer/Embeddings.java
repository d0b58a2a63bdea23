package org.attnlab.models.transformer;

import org.attnlab.models.init.ParamInit;
import org.attnlab.models.layers.Embedding;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/** Token embeddings scaled by {@code sqrt(dModel)}, as in Vaswani et al. (2017). */
public final class Embeddings {
    private Embeddings() {
    }

    /** A {@code [vocab, d]} token table named {@code name}, drawn from Normal(0, scale / sqrt(d)). */
    public static SDVariable table(SameDiff sd, String name, int vocab, int d, double scale, ParamInit init) {
        return init.normal(sd, name, scale / Math.sqrt(d), vocab, d);
    }

    /** {@code ids [B, T]} (token ids as floats) to {@code sqrt(d) * table[ids]}, {@code [B, T, d]}. */
    public static SDVariable lookup(SameDiff sd, SDVariable ids, SDVariable table, int vocab, int d) {
        return Embedding.lookup(sd, ids, table, vocab, d).mul(Math.sqrt(d));
    }
}
