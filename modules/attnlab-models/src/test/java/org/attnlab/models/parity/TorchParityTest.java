package org.attnlab.models.parity;

import static org.attnlab.models.parity.ParityFixture.assertParity;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.attnlab.models.GraphTesting;
import org.attnlab.models.attention.AttentionConfig;
import org.attnlab.models.attention.KeyValueAttention;
import org.attnlab.models.attention.MultiHeadAttention;
import org.attnlab.models.attention.MultiHeadConfig;
import org.attnlab.models.attention.ScoreFunction;
import org.attnlab.models.gating.GatedLstm;
import org.attnlab.models.gating.LstmConfig;
import org.attnlab.models.init.ParamInit;
import org.attnlab.models.norm.BatchNorm;
import org.attnlab.models.norm.BatchNormStats;
import org.attnlab.models.se.SeBlock;
import org.attnlab.models.se.SeConfig;
import org.attnlab.models.transformer.DecoderLayer;
import org.attnlab.models.transformer.EncoderLayer;
import org.attnlab.models.transformer.LayerNorm;
import org.attnlab.models.transformer.TransformerConfig;
import org.attnlab.models.weights.TorchImport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * AttnLab graphs against PyTorch float64 references, to 1e-12 in double. The fixtures in
 * {@code src/test/resources/parity} are committed; regenerate them from the repository root with
 * {@code /usr/bin/python3 modules/attnlab-models/src/test/python/make_parity_fixtures.py} (Debian's python3-torch),
 * then {@code make_safetensors_fixtures.py} beside it, which writes every state dict again as safetensors.
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
        MultiHeadConfig cfg = new MultiHeadConfig(8, 2, AttentionConfig.of(ScoreFunction.SCALED_DOT), fused, false);
        assertParity("mha", (sd, f) -> sd.identity("out", MultiHeadAttention.build(sd, "mha",
                f.constant(sd, "xq"), f.constant(sd, "xkv"), f.constant(sd, "keyMask"), cfg, INIT)),
                "out", "mha/weights");
    }

    /** Bahdanau scores v^T tanh(q Wq + k Wk), softmax, weighted values, written out by hand in torch. */
    @Test
    void additiveAttention() {
        AttentionConfig cfg = new AttentionConfig(ScoreFunction.ADDITIVE, 4, false, AttentionConfig.NO_WINDOW, 0.0);
        assertParity("additive", (sd, f) -> sd.identity("out", KeyValueAttention.attend(sd, "att",
                f.constant(sd, "q"), f.constant(sd, "k"), f.constant(sd, "v"), null, cfg, INIT)),
                "out", "att/weights");
    }

    /** {@link LayerNorm} vs nn.LayerNorm (eps 1e-5) on unit-variance rows and on rows of variance 1e-6 to 1e-12. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"x, out", "small, out_small"})
    void layerNormOverLastAxis(String input, String output) {
        assertParity("layer_norm", (sd, f) -> sd.identity(output,
                LayerNorm.apply(sd, "ln", f.constant(sd, input), 6, LayerNorm.DEFAULT_EPS, INIT)), output);
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
     * nn.BatchNorm2d in training mode for two steps (outputs on batch statistics, running estimates after each
     * step), then in evaluation mode on the second batch.
     */
    @Test
    void batchNormTrainingStepsThenEvaluation() {
        ParityFixture f = ParityFixture.load("batch_norm");
        SameDiff sd = SameDiff.create();
        SDVariable x = sd.placeHolder("x", DataType.DOUBLE, -1, 3, 2, 5);
        BatchNorm.build(sd, "bn", x, 3, INIT);
        f.setWeights(sd);
        BatchNormStats stats = BatchNormStats.of(sd);
        for (int step = 1; step <= 2; step++) {
            Map<String, INDArray> feeds = Map.of("x", f.array("x" + step));
            INDArray[] out = new INDArray[1];
            stats.during(() -> feeds, () -> out[0] = sd.output(feeds, "bn/out").get("bn/out"));
            f.derive("attnlab_train" + step, out[0]);
            f.derive("attnlab_mean" + step, sd.getVariable("bn" + BatchNorm.RUNNING_MEAN).getArr().dup());
            f.derive("attnlab_var" + step, sd.getVariable("bn" + BatchNorm.RUNNING_VAR).getArr().dup());
            assertClose(f, "train" + step, "attnlab_train" + step);
            assertClose(f, "running_mean" + step, "attnlab_mean" + step);
            assertClose(f, "running_var" + step, "attnlab_var" + step);
        }
        f.derive("attnlab_eval2", sd.output(Map.of("x", f.array("x2")), "bn/out").get("bn/out"));
        assertClose(f, "eval2", "attnlab_eval2");
    }

    private static void assertClose(ParityFixture f, String torch, String attnlab) {
        double diff = f.array(attnlab).sub(f.array(torch)).amaxNumber().doubleValue();
        System.out.printf("parity batch_norm %s: max |attnlab - torch| = %.3g%n", torch, diff);
        assertTrue(diff <= ParityFixture.TOLERANCE, torch + " differs by " + diff);
    }

    /** nn.MultiheadAttention with biases, imported from its state_dict: output and per-head weights. */
    @ParameterizedTest
    @ValueSource(strings = {"npz", "safetensors"})
    void multiHeadAttentionImportedFromTorch(String format) {
        ParityFixture f = ParityFixture.load("mha_torch");
        SameDiff sd = SameDiff.create();
        MultiHeadConfig cfg = new MultiHeadConfig(8, 2, AttentionConfig.of(ScoreFunction.SCALED_DOT), false, true);
        MultiHeadAttention.build(sd, "mha", f.constant(sd, "xq"), f.constant(sd, "xkv"), f.constant(sd, "keyMask"),
                cfg, INIT);
        TorchImport.multiHeadAttention(sd, "mha", ParityFixture.stateDict("mha_torch", format), "");
        sd.identity("weights", sd.getVariable(MultiHeadAttention.weightsName("mha")));
        sd.identity("out", sd.getVariable("mha/out"));
        f.assertOutputsMatch(sd, "out", "weights");
    }

    /**
     * nn.TransformerEncoderLayer (d_model 8, 2 heads, feed-forward 16, ReLU, eps 1e-5, biases, key padding mask)
     * imported from its state_dict into {@link EncoderLayer}, post-LN {@code norm(x + f(x))} and pre-LN
     * {@code x + f(norm(x))}.
     */
    @ParameterizedTest(name = "{0} ({1}-LN, {2})")
    @CsvSource({"encoder_post_ln, post, npz", "encoder_pre_ln, pre, npz", "encoder_post_ln, post, safetensors",
            "encoder_pre_ln, pre, safetensors"})
    void transformerEncoderLayer(String fixture, String norm, String format) {
        ParityFixture f = ParityFixture.load(fixture);
        SameDiff sd = SameDiff.create();
        sd.identity("out", EncoderLayer.build(sd, "enc", f.constant(sd, "x"), f.constant(sd, "keyMask"),
                torchLike(norm), INIT));
        TorchImport.encoderLayer(sd, "enc", ParityFixture.stateDict(fixture, format), "");
        f.assertOutputsMatch(sd, "out");
    }

    /** nn.TransformerDecoderLayer (causal self-attention, padded targets and sources) imported into {@link DecoderLayer}. */
    @ParameterizedTest(name = "{0} ({1}-LN, {2})")
    @CsvSource({"decoder_post_ln, post, npz", "decoder_pre_ln, pre, npz", "decoder_post_ln, post, safetensors",
            "decoder_pre_ln, pre, safetensors"})
    void transformerDecoderLayer(String fixture, String norm, String format) {
        ParityFixture f = ParityFixture.load(fixture);
        SameDiff sd = SameDiff.create();
        sd.identity("out", DecoderLayer.build(sd, "dec", f.constant(sd, "y"), f.constant(sd, "memory"),
                f.constant(sd, "srcMask"), f.constant(sd, "tgtMask"), torchLike(norm), INIT));
        TorchImport.decoderLayer(sd, "dec", ParityFixture.stateDict(fixture, format), "");
        f.assertOutputsMatch(sd, "out");
    }

    /** The fixtures' layer shape with PyTorch's defaults: attention biases, layer-norm eps 1e-5. */
    private static TransformerConfig torchLike(String norm) {
        return TransformerConfig.small(10, 4, 1, 8, 2, 16).withNorm(norm).withAttentionBias(true);
    }
}
