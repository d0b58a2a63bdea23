package org.attnlab.experiments.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.attnlab.models.alignment.AttentionSeq2Seq;
import org.attnlab.models.alignment.Seq2SeqConfig;
import org.attnlab.models.attention.AttentionConfig;
import org.attnlab.models.attention.ScoreFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** A saved seq2seq graph (LSTM layers, which SameDiff.load cannot rebuild) is read back into a fresh graph. */
class CheckpointWeightsTest {
    @TempDir
    Path dir;

    @Test
    void aSeq2SeqCheckpointGivesAnotherSeedsGraphTheSavedWeightsAndOutputs() throws IOException {
        Seq2SeqConfig cfg = new Seq2SeqConfig(7, 8, 4, 6, AttentionConfig.of(ScoreFunction.GENERAL, 4), 0.0,
                Seq2SeqConfig.DEFAULT_EMBEDDING_STD);
        SameDiff saved = AttentionSeq2Seq.build(cfg, 1);
        Path file = dir.resolve("checkpoint.sd");
        saved.save(file.toFile(), true);
        assertThrows(NullPointerException.class, () -> SameDiff.load(file.toFile(), true), "the M2.1 bug worked around");

        SameDiff other = AttentionSeq2Seq.build(cfg, 2);
        Map<String, INDArray> in = Map.of(AttentionSeq2Seq.SOURCE, Nd4j.createFromArray(new float[][]{{1, 2, 3, 4}}),
                AttentionSeq2Seq.SOURCE_MASK, Nd4j.ones(DataType.FLOAT, 1, 4),
                AttentionSeq2Seq.DECODER_INPUT, Nd4j.createFromArray(new float[][]{{7, 5, 6}}));
        INDArray expected = saved.output(in, AttentionSeq2Seq.PROBS).get(AttentionSeq2Seq.PROBS);
        assertNotEquals(expected, other.output(in, AttentionSeq2Seq.PROBS).get(AttentionSeq2Seq.PROBS));
        assertSame(other, CheckpointWeights.load(file, other));
        assertEquals(saved.getVariable("encoder/Wx").getArr(), other.getVariable("encoder/Wx").getArr());
        assertEquals(expected, other.output(in, AttentionSeq2Seq.PROBS).get(AttentionSeq2Seq.PROBS));
    }
}
