package org.attnlab.models.transformer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.attnlab.models.alignment.AttentionSeq2Seq;
import org.attnlab.models.alignment.Seq2SeqConfig;
import org.attnlab.models.attention.AttentionConfig;
import org.attnlab.models.attention.KeyValueAttention;
import org.attnlab.models.attention.MultiHeadAttention;
import org.attnlab.models.attention.MultiHeadConfig;
import org.attnlab.models.attention.ScoreFunction;
import org.attnlab.models.init.ParamInit;
import org.attnlab.models.tasks.SequenceTagger;
import org.attnlab.models.tasks.SequenceTaggerConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Graphs take their type from the builder's argument or the input, not from ND4J's global default (FLOAT here). */
class DataTypeTest {
    private DataType previous;

    @BeforeEach
    void floatDefault() {
        previous = Nd4j.defaultFloatingPointType();
        Nd4j.setDefaultDataTypes(DataType.FLOAT, DataType.FLOAT);
    }

    @AfterEach
    void restore() {
        Nd4j.setDefaultDataTypes(previous, previous);
    }

    private static void assertAllVariables(SameDiff sd, DataType type) {
        for (SDVariable v : sd.variables()) {
            if (v.getVariableType() == VariableType.VARIABLE) {
                assertEquals(type, v.dataType(), v.name());
            }
        }
    }

    @Test
    void modelsBuildAndRunInDoubleUnderAFloatDefault() {
        INDArray src = Nd4j.create(new double[][]{{2, 3, 4}});
        SameDiff transformer = Transformer.build(TransformerConfig.small(7, 6, 1, 8, 2, 16), 1, DataType.DOUBLE);
        assertAllVariables(transformer, DataType.DOUBLE);
        INDArray probs = transformer.output(Map.of(Transformer.SRC, src, Transformer.TGT_IN, src), Transformer.PROBS)
                .get(Transformer.PROBS);
        assertEquals(DataType.DOUBLE, probs.dataType());
        assertEquals(3.0, probs.sumNumber().doubleValue(), 1e-12);

        SameDiff seq2seq = AttentionSeq2Seq.build(new Seq2SeqConfig(7, 7, 4, 4, AttentionConfig.of(ScoreFunction.ADDITIVE),
                0.0), 1, DataType.DOUBLE);
        assertAllVariables(seq2seq, DataType.DOUBLE);
        SameDiff tagger = SequenceTagger.build(new SequenceTaggerConfig(7, 6, 4, 2,
                AttentionConfig.of(ScoreFunction.GENERAL), 0.0), 1, DataType.DOUBLE);
        assertAllVariables(tagger, DataType.DOUBLE);
    }

    /** A layer built on double inputs has double parameters even from a FLOAT {@link ParamInit}. */
    @Test
    void layersFollowTheirInputsTypeAndNameTheirOutput() {
        SameDiff sd = SameDiff.create();
        SDVariable x = sd.constant("x", Nd4j.rand(DataType.DOUBLE, 2, 3, 4));
        ParamInit floats = new ParamInit(1, DataType.FLOAT);
        MultiHeadAttention.build(sd, "mha", x, x, null,
                new MultiHeadConfig(4, 2, AttentionConfig.of(ScoreFunction.GENERAL), false, true), floats);
        KeyValueAttention.attend(sd, "kv", x, x, x, null, AttentionConfig.of(ScoreFunction.ADDITIVE), floats);
        assertAllVariables(sd, DataType.DOUBLE);
        Map<String, INDArray> out = sd.output(Map.of(), "mha/out", "kv/out");
        assertArrayEquals(new long[]{2, 3, 4}, out.get("mha/out").shape());
        assertArrayEquals(new long[]{2, 3, 4}, out.get("kv/out").shape());
        assertEquals(DataType.DOUBLE, out.get("kv/out").dataType());
    }
}
