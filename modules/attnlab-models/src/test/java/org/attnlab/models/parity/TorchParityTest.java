package org.attnlab.models.parity;

import static org.attnlab.models.parity.ParityFixture.assertParity;

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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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
}
