package org.attnlab.models.transformer;

import java.util.Map;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Greedy decoding with a {@link Transformer} graph: the decoder runs once per output position on a fixed-length
 * input {@code [start, y_0, ..., y_{t-1}, pad, ...]}; the causal mask keeps the padded tail out of position t.
 */
public final class GreedyDecoder {
    private GreedyDecoder() {
    }

    /**
     * @param src    {@code [B, Ts]} source ids in the graph's floating-point type
     * @param length number of tokens to produce
     * @param start  the start token the decoder input begins with
     * @return {@code [B, length]} the most probable token at each step
     */
    public static INDArray decode(SameDiff sd, TransformerConfig cfg, INDArray src, int length, int start) {
        long batch = src.size(0);
        INDArray tgtIn = Nd4j.valueArrayOf(new long[]{batch, length}, (double) cfg.padId(), src.dataType());
        tgtIn.getColumn(0).assign(start);
        INDArray out = Nd4j.zeros(src.dataType(), batch, length);
        for (int t = 0; t < length; t++) {
            INDArray probs = sd.output(Map.of(Transformer.SRC, src, Transformer.TGT_IN, tgtIn), Transformer.PROBS)
                    .get(Transformer.PROBS);
            INDArray next = probs.get(NDArrayIndex.all(), NDArrayIndex.point(t), NDArrayIndex.all()).argMax(1)
                    .castTo(src.dataType());
            out.getColumn(t).assign(next);
            if (t + 1 < length) {
                tgtIn.getColumn(t + 1).assign(next);
            }
        }
        return out;
    }
}
