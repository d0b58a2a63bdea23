package org.attnlab.models.weights;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.attnlab.models.attention.AttentionConfig;
import org.attnlab.models.attention.MultiHeadAttention;
import org.attnlab.models.attention.MultiHeadConfig;
import org.attnlab.models.attention.ScoreFunction;
import org.attnlab.models.init.ParamInit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Loading named weights: checks before any change, messages naming variable and shapes; torch import errors. */
class NamedWeightsTest {
    @TempDir
    Path dir;

    /** A multi-head attention "mha" over [B, T, 4] double inputs: Wq, Wk, Wv, Wo [4, 4] (+ biases). */
    private static SameDiff attention(boolean bias) {
        SameDiff sd = SameDiff.create();
        var x = sd.placeHolder("x", DataType.DOUBLE, -1, -1, 4);
        MultiHeadAttention.build(sd, "mha", x, x, null,
                new MultiHeadConfig(4, 2, AttentionConfig.of(ScoreFunction.SCALED_DOT), false, bias),
                new ParamInit(1, DataType.DOUBLE));
        return sd;
    }

    private static String error(Runnable r) {
        return assertThrows(IllegalArgumentException.class, r::run).getMessage();
    }

    @Test
    void loadsValuesByNameAsCopies() {
        SameDiff sd = attention(false);
        INDArray wq = Nd4j.linspace(DataType.DOUBLE, 1, 16, 1).reshape(4, 4);
        NamedWeights.load(sd, Map.of("mha/Wq", wq));
        assertEquals(wq, sd.getVariable("mha/Wq").getArr());
        wq.addi(1);
        assertEquals(1.0, sd.getVariable("mha/Wq").getArr().getDouble(0, 0), "the model keeps its own copy");
    }

    @Test
    void wrongShapeOrTypeOrNameIsRejectedAndNothingChanges() {
        SameDiff sd = attention(false);
        INDArray before = sd.getVariable("mha/Wq").getArr().dup();
        Map<String, INDArray> weights = new HashMap<>();
        weights.put("mha/Wq", Nd4j.ones(DataType.DOUBLE, 4, 4));
        weights.put("mha/Wk", Nd4j.ones(DataType.DOUBLE, 2, 8));
        assertEquals("weight 'mha/Wk': expected shape [4, 4] DOUBLE, given [2, 8] DOUBLE",
                error(() -> NamedWeights.load(sd, weights)));
        assertEquals(before, sd.getVariable("mha/Wq").getArr(), "a failed load changes nothing");
        assertEquals("weight 'mha/Wv': expected shape [4, 4] DOUBLE, given [4, 4] FLOAT",
                error(() -> NamedWeights.load(sd, Map.of("mha/Wv", Nd4j.ones(DataType.FLOAT, 4, 4)))));
        assertEquals("weight 'mha/bq': the model has no trainable variable of that name",
                error(() -> NamedWeights.load(sd, Map.of("mha/bq", Nd4j.ones(DataType.DOUBLE, 4)))));
        assertEquals("weights: no value given for [mha/Wk, mha/Wo, mha/Wv]",
                error(() -> NamedWeights.loadAll(sd, Map.of("mha/Wq", Nd4j.ones(DataType.DOUBLE, 4, 4)))));
    }

    /** torch's [out, in] layout is transposed; a state dict with extra, missing or non-zero unmapped biases fails. */
    @Test
    void torchStateDictsAreMappedAndCheckedByName() {
        INDArray in = Nd4j.linspace(DataType.DOUBLE, 1, 48, 1).reshape(12, 4);
        INDArray out = Nd4j.linspace(DataType.DOUBLE, 100, 16, 1).reshape(4, 4);
        Map<String, INDArray> state = new HashMap<>(Map.of("in_proj_weight", in, "out_proj.weight", out,
                "in_proj_bias", Nd4j.zeros(DataType.DOUBLE, 12), "out_proj.bias", Nd4j.zeros(DataType.DOUBLE, 4)));
        SameDiff sd = attention(false);
        TorchImport.multiHeadAttention(sd, "mha", state, "");
        assertEquals(in.getRow(4).dup(), sd.getVariable("mha/Wk").getArr().getColumn(0).dup(),
                "row 0 of torch's k block is column 0 of Wk");
        assertEquals(out.transpose(), sd.getVariable("mha/Wo").getArr());

        state.put("out_proj.bias", Nd4j.ones(DataType.DOUBLE, 4));
        assertEquals("torch 'out_proj.bias' is non-zero but the model has no variable 'mha/bo': build it with "
                + "attention biases (attentionBias = true)", error(() -> TorchImport.multiHeadAttention(sd, "mha", state, "")));
        SameDiff biased = attention(true);
        TorchImport.multiHeadAttention(biased, "mha", state, "");
        assertEquals(Nd4j.ones(DataType.DOUBLE, 4), biased.getVariable("mha/bo").getArr());

        state.put("bias_k", Nd4j.zeros(DataType.DOUBLE, 1, 1, 4));
        assertEquals("torch state dict: no AttnLab variable for [bias_k]",
                error(() -> TorchImport.multiHeadAttention(biased, "mha", state, "")));
        assertEquals("torch state dict: no 'layers.0.in_proj_weight'",
                error(() -> TorchImport.multiHeadAttention(biased, "mha", state, "layers.0.")));
        assertEquals("weights file " + dir.resolve("none.npz") + " does not exist",
                error(() -> TorchImport.readNpz(dir.resolve("none.npz"))));
    }
}
