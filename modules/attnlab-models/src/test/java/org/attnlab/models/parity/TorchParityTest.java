package org.attnlab.models.parity;

import static org.attnlab.models.parity.ParityFixture.assertParity;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.attnlab.models.GraphTesting;
import org.attnlab.models.attention.AttentionConfig;
import org.attnlab.models.attention.KeyValueAttention;
import org.attnlab.models.attention.MultiHeadAttention;
import org.attnlab.models.attention.MultiHeadConfig;
import org.attnlab.models.attention.ScoreFunction;
import org.attnlab.models.gating.GatedLstm;
import org.attnlab.models.gating.LstmConfig;
import org.attnlab.models.init.ParamInit;
import org.attnlab.models.se.SeBlock;
import org.attnlab.models.se.SeConfig;
import org.attnlab.models.transformer.EncoderLayer;
import org.attnlab.models.transformer.TransformerConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * AttnLab graphs against PyTorch float64 references, to 1e-6 in double. The fixtures in
 * {@code src/test/resources/parity} are committed; regenerate them from the repository root with
 * {@code /usr/bin/python3 modules/attnlab-models/src/test/python/make_parity_fixtures.py} (Debian's python3-torch).
 */
class TorchParityTest {
    private static final ParamInit INIT = new ParamInit(0);

    @BeforeAll
    static void doublePrecision() {
        GraphTesting.useDoublePrecision();
    }

    /** nn.MultiheadAttention (no bias, key padding mask): output and per-head weights, batched and fused paths. */
    @ParameterizedTest(name = "fused={0}")
    @ValueSource(booleans = {false, true})
    void multiHeadAttentionWithKeyPadding(boolean fused) {
        MultiHeadConfig cfg = new MultiHeadConfig(8, 2, AttentionConfig.of(ScoreFunction.SCALED_DOT), fused);
        assertParity("mha", (sd, f) -> sd.identity("out", MultiHeadAttention.build(sd, "mha",
                f.constant(sd, "xq"), f.constant(sd, "xkv"), f.constant(sd, "keyMask"), cfg, INIT)),
                "out", "mha/weights");
    }

    /** Bahdanau scores v^T tanh(q Wq + k Wk), softmax, weighted values, written out by hand in torch. */
    @Test
    void additiveAttention() {
        AttentionConfig cfg = new AttentionConfig(ScoreFunction.ADDITIVE, 4, false, AttentionConfig.NO_WINDOW);
        assertParity("additive", (sd, f) -> sd.identity("out", KeyValueAttention.attend(sd, "att",
                f.constant(sd, "q"), f.constant(sd, "k"), f.constant(sd, "v"), null, cfg, INIT)),
                "out", "att/weights");
    }

    /** SameDiff's layer norm over the last axis vs nn.LayerNorm with eps 0 (SameDiff M2.1 adds no epsilon). */
    @Test
    void layerNormOverLastAxis() {
        assertParity("layer_norm", (sd, f) -> sd.nn.layerNorm("out", f.constant(sd, "x"),
                INIT.constant(sd, "ln/gain", 1, 6), INIT.constant(sd, "ln/bias", 0, 6), false, 2), "out");
    }

    /** nn.LSTM hidden states, and gates and cell states recomputed step by step from its weights. */
    @Test
    void lstmHiddenStatesAndGates() {
        assertParity("lstm", (sd, f) -> GatedLstm.build(sd, "lstm", f.constant(sd, "x"), new LstmConfig(3, 4), INIT),
                "lstm/hidden", "lstm/input_gates", "lstm/forget_gates", "lstm/output_gates", "lstm/cell_states");
    }

    /** AdaptiveAvgPool2d -> Linear -> ReLU -> Linear -> Sigmoid -> scale: block output and excitation. */
    @Test
    void squeezeExcitationBlock() {
        assertParity("se", (sd, f) -> SeBlock.build(sd, "se", f.constant(sd, "x"), new SeConfig(8, 4), INIT),
                "se/out", "se/excitation");
    }

    /**
     * nn.TransformerEncoderLayer (d_model 8, 2 heads, feed-forward 16, ReLU, dropout 0, key padding mask) vs
     * {@link EncoderLayer} with post-LN {@code norm(x + f(x))} and pre-LN {@code x + f(norm(x))} sublayers.
     */
    @ParameterizedTest(name = "{0} ({1}-LN)")
    @CsvSource({"encoder_post_ln, post", "encoder_pre_ln, pre"})
    void transformerEncoderLayer(String fixture, String norm) {
        TransformerConfig cfg = TransformerConfig.small(10, 4, 1, 8, 2, 16).withNorm(norm);
        assertParity(fixture, (sd, f) -> {
            sd.identity("out", EncoderLayer.build(sd, "enc", f.constant(sd, "x"), f.constant(sd, "keyMask"), cfg,
                    INIT));
            deriveEncoderWeights(f, "enc", cfg.dModel());
        }, "out");
    }

    /**
     * Maps a torch encoder layer's {@code state_dict} (stored under {@code torch/...}, {@code y = x W^T + b}) to the
     * variables of {@code EncoderLayer.build(sd, layer, ...)} ({@code y = x W + b}): {@code in_proj_weight}'s row
     * blocks q, k, v and {@code out_proj.weight} transposed to {@code self/Wq, Wk, Wv, Wo}; {@code linear1/2}
     * transposed to {@code ff/W1, b1, W2, b2}; {@code norm1} to the attention sublayer's norm, {@code norm2} to the
     * feed-forward's. AttnLab's attention has no biases, so torch's must be zero.
     */
    private static void deriveEncoderWeights(ParityFixture f, String layer, int d) {
        for (String bias : new String[] {"torch/self_attn.in_proj_bias", "torch/self_attn.out_proj.bias"}) {
            assertEquals(0.0, f.array(bias).amaxNumber().doubleValue(), bias + " must be zero");
        }
        INDArray inProj = f.array("torch/self_attn.in_proj_weight");  // [3d, d]: rows q, k, v
        String[] qkv = {"Wq", "Wk", "Wv"};
        for (int i = 0; i < qkv.length; i++) {
            f.derive(layer + "/self/" + qkv[i],
                    inProj.get(NDArrayIndex.interval(i * d, (i + 1) * d), NDArrayIndex.all()).transpose());
        }
        f.derive(layer + "/self/Wo", f.array("torch/self_attn.out_proj.weight").transpose());
        f.derive(layer + "/ff/W1", f.array("torch/linear1.weight").transpose());
        f.derive(layer + "/ff/b1", f.array("torch/linear1.bias"));
        f.derive(layer + "/ff/W2", f.array("torch/linear2.weight").transpose());
        f.derive(layer + "/ff/b2", f.array("torch/linear2.bias"));
        String[][] norms = {{"self", "norm1"}, {"ff", "norm2"}};
        for (String[] n : norms) {
            f.derive(layer + "/" + n[0] + "/norm/gain", f.array("torch/" + n[1] + ".weight"));
            f.derive(layer + "/" + n[0] + "/norm/bias", f.array("torch/" + n[1] + ".bias"));
        }
    }
}
