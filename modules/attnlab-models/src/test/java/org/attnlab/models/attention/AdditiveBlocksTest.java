package org.attnlab.models.attention;

import static org.attnlab.models.GraphTesting.assertGradientsCorrect;
import static org.attnlab.models.GraphTesting.random;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.attnlab.models.GraphTesting;
import org.attnlab.models.init.ParamInit;
import org.attnlab.models.support.ConfigValueException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.autodiff.listeners.At;
import org.nd4j.autodiff.listeners.BaseListener;
import org.nd4j.autodiff.listeners.Operation;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.autodiff.samediff.internal.SameDiffOp;
import org.nd4j.linalg.api.ops.OpContext;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The additive score computed in blocks of hidden units ({@link AttentionConfig#additiveBlock()}) is the same layer:
 * the same parameters, outputs and gradients as the whole computation (double precision, 1e-12), single and as a
 * two-member ensemble, with masks; and its own gradients pass a check.
 */
class AdditiveBlocksTest {
    private static final int HIDDEN = 5;
    private static final String OUT = "out";

    @BeforeAll
    static void doublePrecision() {
        GraphTesting.useDoublePrecision();
    }

    /**
     * Self-attention on {@code x [4, 3, 2]} with padding (last key of the second and fourth items) and a causal mask:
     * key-value attention, or two-head attention whose heads score on {@code [B, H, T, 1]} inputs.
     */
    private static SameDiff layer(int block, ParamInit init, boolean heads) {
        SameDiff sd = SameDiff.create();
        SDVariable x = sd.var("x", random(31, 4, 3, 2));
        SDVariable mask = sd.constant("mask", Nd4j.create(new double[][]{{1, 1, 1}, {1, 1, 0}, {1, 1, 1}, {1, 1, 0}}));
        AttentionConfig cfg = AttentionConfig.of(ScoreFunction.ADDITIVE, HIDDEN).withCausal(true).withAdditiveBlock(block);
        SDVariable out = heads ? MultiHeadAttention.build(sd, "att", x, x, mask, new MultiHeadConfig(2, 2, cfg, false,
                true), init) : KeyValueAttention.selfAttend(sd, "att", x, mask, cfg, init);
        sd.setLossVariables(sd.identity(OUT, out).mul(sd.constant(random(32, 4, 3, 2))).sum());
        return sd;
    }

    private static SameDiff layer(int block, ParamInit init) {
        return layer(block, init, false);
    }

    /** The output and the gradient of every variable, by name. */
    private static Map<String, INDArray> outputAndGradients(SameDiff sd) {
        Map<String, INDArray> all = new HashMap<>(sd.calculateGradients(Map.of(), sd.variableMap().keySet().stream()
                .filter(n -> sd.getVariable(n).getVariableType() == VariableType.VARIABLE)
                .toList()));
        all.put(OUT, sd.output(Map.of(), OUT).get(OUT));
        return all;
    }

    private static void assertSameLayer(ParamInit init, int block, boolean heads) {
        Map<String, INDArray> whole = outputAndGradients(layer(AttentionConfig.WHOLE_HIDDEN, init, heads));
        Map<String, INDArray> blocked = outputAndGradients(layer(block, init, heads));
        assertEquals(whole.keySet(), blocked.keySet());
        assertTrue(whole.containsKey("att/score/Wq") && whole.containsKey("att/score/v"), whole.keySet().toString());
        for (String name : whole.keySet()) {
            assertTrue(whole.get(name).equalsWithEps(blocked.get(name), 1e-12),
                    name + " in blocks of " + block + ": " + blocked.get(name) + " vs " + whole.get(name));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 4, 5, 9})
    void blocksGiveTheWholeLayersOutputAndGradients(int block) {
        assertSameLayer(new ParamInit(7), block, false);
    }

    @Test
    void blocksGiveTheWholeMultiHeadLayer() {
        assertSameLayer(new ParamInit(7), 2, true);
    }

    @Test
    void blocksGiveTheWholeEnsembleLayer() {
        assertSameLayer(ParamInit.members(new long[]{3, 4}, DataType.DOUBLE), 2, false);
    }

    @Test
    void blockedGradientsAreCorrect() {
        SameDiff sd = SameDiff.create();
        SDVariable x = sd.var("x", random(41, 2, 3, 2));
        SDVariable out = KeyValueAttention.selfAttend(sd, "att", x, null,
                AttentionConfig.of(ScoreFunction.ADDITIVE, HIDDEN).withAdditiveBlock(2), new ParamInit(8));
        assertGradientsCorrect(sd, out, 42);
    }

    @Test
    void blocksBuildNoArrayOverTheWholeHiddenLayer() {
        assertTrue(scoreShapes(AttentionConfig.WHOLE_HIDDEN).contains(List.of(4L, 3L, 3L, (long) HIDDEN)),
                "the whole computation builds [B, Tq, Tk, hidden]");
        List<List<Long>> blocked = scoreShapes(2);
        assertTrue(blocked.contains(List.of(4L, 3L, 3L, 2L)) && blocked.contains(List.of(4L, 3L, 3L, 1L)), blocked.toString());
        assertTrue(blocked.stream().noneMatch(s -> s.size() == 4 && s.get(3) > 2), blocked.toString());
    }

    /** Shapes of every op output of a forward and backward pass of the layer, in blocks of {@code block}. */
    private static List<List<Long>> scoreShapes(int block) {
        SameDiff sd = layer(block, new ParamInit(7));
        List<List<Long>> shapes = new ArrayList<>();
        sd.setListeners(new BaseListener() {
            @Override
            public boolean isActive(Operation operation) {
                return true;
            }

            @Override
            public void opExecution(SameDiff s, At at, MultiDataSet batch, SameDiffOp op, OpContext ctx,
                                    INDArray[] outputs) {
                for (INDArray o : outputs) {
                    shapes.add(Arrays.stream(o.shape()).boxed().toList());
                }
            }
        });
        outputAndGradients(sd);
        return shapes;
    }

    @Test
    void aNegativeBlockIsRejected() {
        ConfigValueException e = assertThrows(ConfigValueException.class,
                () -> AttentionConfig.of(ScoreFunction.ADDITIVE, HIDDEN).withAdditiveBlock(-1));
        assertTrue(e.getMessage().contains("additiveBlock"), e.getMessage());
    }
}
