package org.attnlab.models.alignment;

import java.util.Map;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Greedy decoding with a trained {@link AttentionSeq2Seq} graph: starting from the begin-of-sequence id, each step
 * feeds the most likely tokens so far back as decoder input. The decoder is causal, so the still-empty tail of the
 * decoder input does not change earlier steps.
 */
public final class AlignmentDecoder {
    /** Decoded token ids {@code [B, T]} and the alignment {@code [B, T, Ts]} that produced them. */
    public record Decoded(INDArray tokens, INDArray alignment) {
    }

    private AlignmentDecoder() {
    }

    /**
     * @param source     {@code [B, Ts]} source ids
     * @param sourceMask {@code [B, Ts]} 1 for real tokens
     * @param length     number of tokens to produce
     * @param bos        the begin-of-sequence id the decoder starts from
     */
    public static Decoded decode(SameDiff sd, INDArray source, INDArray sourceMask, int length, int bos) {
        long batch = source.size(0);
        INDArray decoderInput = Nd4j.zeros(source.dataType(), batch, length);
        decoderInput.get(NDArrayIndex.all(), NDArrayIndex.point(0)).assign(bos);
        INDArray tokens = Nd4j.zeros(source.dataType(), batch, length);
        Map<String, INDArray> out = null;
        for (int t = 0; t < length; t++) {
            out = sd.output(Map.of(AttentionSeq2Seq.SOURCE, source, AttentionSeq2Seq.SOURCE_MASK, sourceMask,
                    AttentionSeq2Seq.DECODER_INPUT, decoderInput), AttentionSeq2Seq.PROBS, AttentionSeq2Seq.ALIGNMENT);
            INDArray next = out.get(AttentionSeq2Seq.PROBS).get(NDArrayIndex.all(), NDArrayIndex.point(t),
                    NDArrayIndex.all()).argMax(1).castTo(source.dataType());
            tokens.get(NDArrayIndex.all(), NDArrayIndex.point(t)).assign(next);
            if (t + 1 < length) {
                decoderInput.get(NDArrayIndex.all(), NDArrayIndex.point(t + 1)).assign(next);
            }
        }
        return new Decoded(tokens, out.get(AttentionSeq2Seq.ALIGNMENT));
    }
}
