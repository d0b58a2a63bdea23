package org.attnlab.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Map;
import org.attnlab.models.alignment.AttentionSeq2Seq;
import org.attnlab.models.alignment.Seq2SeqConfig;
import org.attnlab.models.attention.AdditiveInit;
import org.attnlab.models.attention.AttentionConfig;
import org.attnlab.models.attention.ScoreFunction;
import org.attnlab.models.tasks.SequenceTagger;
import org.attnlab.models.tasks.SequenceTaggerConfig;
import org.attnlab.models.transformer.Transformer;
import org.attnlab.models.transformer.TransformerConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Config keys that replaced values fixed in the builders reach the graphs they configure. */
class ConfigKeysTest {
    private static final INDArray SRC = Nd4j.create(new double[][]{{2, 3, 4, 5, 0}, {6, 5, 4, 0, 0}});
    private static final INDArray TGT_IN = Nd4j.create(new double[][]{{1, 2, 3, 4}, {1, 6, 5, 0}});
    private static final TransformerConfig BASE = TransformerConfig.small(7, 8, 2, 8, 2, 16);

    @BeforeAll
    static void doublePrecision() {
        GraphTesting.useDoublePrecision();
    }

    private static INDArray logits(SameDiff sd) {
        return sd.output(Map.of(Transformer.SRC, SRC, Transformer.TGT_IN, TGT_IN), Transformer.LOGITS)
                .get(Transformer.LOGITS);
    }

    private static boolean hasFusedOp(SameDiff sd) {
        return Arrays.stream(sd.ops()).anyMatch(op -> op.opName().equals("multi_head_dot_product_attention"));
    }

    /** fusedAttention: the fused op appears in the graph and gives the per-head path's logits. */
    @Test
    void fusedAttentionReachesTheTransformerAndKeepsItsValues() {
        SameDiff plain = Transformer.build(BASE, 3, DataType.DOUBLE);
        SameDiff fused = Transformer.build(BASE.withFusedAttention(true), 3, DataType.DOUBLE);
        assertFalse(hasFusedOp(plain));
        assertTrue(hasFusedOp(fused));
        double diff = logits(plain).sub(logits(fused)).amaxNumber().doubleValue();
        System.out.printf("transformer fused vs per-head logits: max |diff| %.2e%n", diff);
        assertEquals(0.0, diff, 1e-9);
    }

    @Test
    void fusedAttentionReachesTheTagger() {
        AttentionConfig dot = AttentionConfig.of(ScoreFunction.SCALED_DOT);
        SameDiff plain = SequenceTagger.build(new SequenceTaggerConfig(7, 5, 4, 2, dot, 0.0), 1, DataType.DOUBLE);
        SameDiff fused = SequenceTagger.build(new SequenceTaggerConfig(7, 5, 4, 2, dot, 0.0, true, 1.0), 1,
                DataType.DOUBLE);
        assertFalse(hasFusedOp(plain));
        assertTrue(hasFusedOp(fused));
        Map<String, INDArray> feeds = Map.of(SequenceTagger.TOKENS, SRC);
        INDArray a = plain.output(feeds, SequenceTagger.PROBS).get(SequenceTagger.PROBS);
        INDArray b = fused.output(feeds, SequenceTagger.PROBS).get(SequenceTagger.PROBS);
        assertEquals(0.0, a.sub(b).amaxNumber().doubleValue(), 1e-9);
    }

    /** Initial spreads: the same seeded normal draws, multiplied by the configured scale or standard deviation. */
    @Test
    void embeddingAndPositionSpreadsScaleTheSeededDraws() {
        TransformerConfig learned = BASE.withPositional("learned");
        TransformerConfig spread = new TransformerConfig(7, 7, 8, 2, 8, 2, 16, 0.0, "post", true, "learned", false,
                "scaled_dot", 0, 0.0, 0.0, 16, false, 1e-5, false, 0.5, 0.02, "xavier");
        SameDiff a = Transformer.build(learned, 3, DataType.DOUBLE);
        SameDiff b = Transformer.build(spread, 3, DataType.DOUBLE);
        assertEquals(value(a, "src/embed").mul(0.5), value(b, "src/embed"));
        assertEquals(value(a, "tgt/embed").mul(0.5), value(b, "tgt/embed"));
        assertEquals(value(a, "src/pos").mul(0.02), value(b, "src/pos"));
        double std = value(a, "src/embed").stdNumber().doubleValue();
        assertEquals(1 / Math.sqrt(8), std, 0.25 / Math.sqrt(8), "scale 1: std 1/sqrt(dModel), 56 draws");

        AttentionConfig dot = AttentionConfig.of(ScoreFunction.DOT);
        SameDiff t1 = SequenceTagger.build(new SequenceTaggerConfig(7, 5, 4, 2, dot, 0.0), 1, DataType.DOUBLE);
        SameDiff t2 = SequenceTagger.build(new SequenceTaggerConfig(7, 5, 4, 2, dot, 0.0, false, 3.0), 1,
                DataType.DOUBLE);
        assertEquals(value(t1, "embed").mul(3.0), value(t2, "embed"));
        assertEquals(value(t1, "pos").mul(3.0), value(t2, "pos"));

        AttentionConfig additive = AttentionConfig.of(ScoreFunction.ADDITIVE, 4);
        SameDiff s1 = AttentionSeq2Seq.build(new Seq2SeqConfig(7, 7, 4, 6, additive, 0.0), 1, DataType.DOUBLE);
        SameDiff s2 = AttentionSeq2Seq.build(new Seq2SeqConfig(7, 7, 4, 6, additive, 0.0, 0.3), 1,
                DataType.DOUBLE);
        assertEquals(value(s1, "src_embed").mul(3.0), value(s2, "src_embed"), "0.3 = 3 x the default 0.1");
        assertEquals(value(s1, "tgt_embed").mul(3.0), value(s2, "tgt_embed"));
    }

    /** additiveInit = bahdanau reaches every attention layer of the Transformer: each v starts at zero. */
    @Test
    void additiveInitReachesEveryTransformerAttention() {
        TransformerConfig additive = new TransformerConfig(7, 7, 8, 1, 8, 2, 16, 0.0, "post", true, "sinusoidal",
                false, "additive", 0, 0.0, 0.0, 16, false, 1e-5, false, 1.0, 1.0, "bahdanau");
        assertEquals(AdditiveInit.BAHDANAU, additive.multiHead(true).attention().additiveInit());
        SameDiff sd = Transformer.build(additive, 3, DataType.DOUBLE);
        long vs = sd.variables().stream().filter(v -> v.name().endsWith("/score/v")).peek(v ->
                assertEquals(0.0, v.getArr().amaxNumber().doubleValue(), v.name())).count();
        assertEquals(3, vs, "encoder self, decoder self and cross attention");
        assertEquals(AdditiveInit.XAVIER, BASE.multiHead(false).attention().additiveInit());
        assertEquals("additiveInit = lecun is not valid: valid names are xavier, bahdanau",
                assertThrows(IllegalArgumentException.class, () -> BASE.withAdditiveInit("lecun")).getMessage());
    }

    private static INDArray value(SameDiff sd, String name) {
        return sd.getVariable(name).getArr();
    }
}
