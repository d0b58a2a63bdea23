package org.attnlab.models.transformer;

import org.attnlab.models.ensemble.MemberAxis;
import org.attnlab.models.init.ParamInit;
import org.attnlab.models.layers.Embedding;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Adds position information to embeddings: a fixed sinusoidal table, a learned table, or nothing. */
public final class PositionalEncoding {
    private PositionalEncoding() {
    }

    /**
     * The sinusoidal table {@code [maxLen, d]} in double: {@code PE(pos, 2i) = sin(pos / 10000^(2i/d))},
     * {@code PE(pos, 2i+1) = cos(pos / 10000^(2i/d))}.
     */
    public static INDArray table(int maxLen, int d) {
        double[][] pe = new double[maxLen][d];
        for (int pos = 0; pos < maxLen; pos++) {
            for (int j = 0; j < d; j++) {
                double angle = pos / Math.pow(10000.0, (j - j % 2) / (double) d);
                pe[pos][j] = j % 2 == 0 ? Math.sin(angle) : Math.cos(angle);
            }
        }
        return Nd4j.createFromArray(pe);
    }

    /**
     * {@code x [B, T, d]} plus the first {@code T} rows of the configured table ({@code T} read at run time from
     * {@code ids [B, T]}); a learned table is the parameter {@code name + "/pos"}, drawn from
     * Normal(0, {@code positionInitStd}).
     */
    public static SDVariable add(SameDiff sd, String name, SDVariable x, SDVariable ids, TransformerConfig cfg,
                                 ParamInit init) {
        int d = cfg.dModel();
        ParamInit p = init.as(x.dataType());
        return switch (cfg.positionalKind()) {
            case NONE -> x;
            case SINUSOIDAL -> x.add(Embedding.firstRows(sd, sd.constant(name + "/pos",
                    table(cfg.maxLen(), d).castTo(x.dataType())), ids, d));
            case LEARNED -> MemberAxis.perMember(sd, x, 3, Embedding.firstRows(sd,
                    p.normal(sd, name + "/pos", cfg.positionInitStd(), cfg.maxLen(), d), ids, d), 2, p,
                    SDVariable::add);
        };
    }
}
