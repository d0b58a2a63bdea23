package org.attnlab.experiments.kinds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.attnlab.experiments.config.ExperimentLoader;
import org.attnlab.models.attention.AdditiveInit;
import org.attnlab.models.attention.ScoreFunction;
import org.attnlab.models.dropout.DropoutMasks;
import org.attnlab.models.gating.LstmTagger;
import org.attnlab.models.support.ConfigValueException;
import org.attnlab.models.transformer.NormPlacement;
import org.attnlab.models.transformer.PositionalKind;
import org.attnlab.models.transformer.TransformerConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.autodiff.samediff.SameDiff;

/** Keys for values that used to be fixed in the model builders reach the models from the experiment YAML. */
class ModelKeysTest {
    @TempDir
    Path dir;

    /** The model of a tiny experiment whose {@code model} section is {@code {<keys>}}. */
    private ModelSpec<?> model(String keys) throws IOException {
        Path file = dir.resolve("keys.yaml");
        Files.writeString(file, """
                name: keys
                dataset: {task: reverse, seq_len: 4, vocab: 6, train_examples: 64, val_examples: 32, test_examples: 32}
                training: {batch_size: 16, steps: 6}
                seeds: [1]
                model: {""" + keys + "}\n");
        return new ExperimentLoader(ModelKinds.load()).load(file).variants().get(0).model();
    }

    private SameDiff build(String variant, TaskShape shape) throws IOException {
        return model(variant).build(shape, 1).sd();
    }

    @Test
    void transformerKeysReachTheConfigWithTodaysDefaults() throws IOException {
        TransformerConfig cfg = ((TransformerKind.Settings) model("kind: transformer, "
                + "fused_attention: true, embedding_init_scale: 0.5, position_init_std: 0.02, additive_init: bahdanau, "
                + "shared_embeddings: true").settings()).config(new TaskShape(6, 4));
        assertTrue(cfg.fusedAttention());
        assertEquals(0.5, cfg.embeddingInitScale());
        assertEquals(0.02, cfg.positionInitStd());
        assertEquals(AdditiveInit.BAHDANAU, cfg.attention().additiveInit());
        assertTrue(cfg.sharedEmbeddings());
        assertEquals(cfg.srcVocab(), cfg.tgtVocab(), "source table grows by the added start id");

        TransformerConfig defaults = ((TransformerKind.Settings) model("kind: transformer")
                .settings()).config(new TaskShape(6, 4));
        assertEquals(TransformerConfig.small(6, 4, 1, 32, 4, 64).withAdditiveInit(AdditiveInit.XAVIER),
                new TransformerConfig(6, 6, 4, 1, 32, 4, 64, 0.0, NormPlacement.POST, true, PositionalKind.SINUSOIDAL,
                        false, ScoreFunction.SCALED_DOT, 0, 0.0, 0.0, 16, false, 1e-5, false, 1.0, 1.0,
                        AdditiveInit.XAVIER));
        assertEquals(false, defaults.fusedAttention());
        assertEquals(1.0, defaults.embeddingInitScale());
        assertEquals(1.0, defaults.positionInitStd());
        assertEquals(AdditiveInit.XAVIER, defaults.additiveInit());
        assertEquals(false, defaults.sharedEmbeddings());
    }

    @Test
    void sharedEmbeddingsNeedOneVocabulary() {
        Exception e = assertThrows(Exception.class, () -> ((TransformerKind.Settings)
                model("kind: transformer, shared_embeddings: true").settings()).config(new TaskShape(6, 4, 9, 1)));
        System.out.println("shared_embeddings on two vocabularies -> " + e.getMessage());
        assertTrue(e.getMessage().contains("shared_embeddings") && e.getMessage().contains("6 source and 9 target"),
                e.getMessage());
    }

    @Test
    void lstmKeysReachTheGraph() throws IOException {
        SameDiff sd = build("kind: lstm, embedding: 4, hidden: 3, dropout: 0.25, forget_bias: 2.0",
                new TaskShape(6, 4));
        assertEquals(Map.of(LstmTagger.INPUT_DROPOUT, 0.25, LstmTagger.OUTPUT_DROPOUT, 0.25),
                DropoutMasks.of(sd, 1, 0).sites());
        double[] b = sd.getVariable(LstmTagger.LSTM + "/b").getArr().toDoubleVector();
        assertEquals("[0.0, 0.0, 0.0, 2.0, 2.0, 2.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0]", Arrays.toString(b));
        SameDiff unit = build("kind: lstm, embedding: 4, hidden: 3", new TaskShape(6, 4));
        SameDiff half = build("kind: lstm, embedding: 4, hidden: 3, embedding_init_scale: 0.5", new TaskShape(6, 4));
        assertEquals(unit.getVariable("embed").getArr().mul(0.5), half.getVariable("embed").getArr());
        assertTrue(DropoutMasks.of(unit, 1, 0).isEmpty(), "no dropout by default");
        assertEquals(1.0, unit.getVariable(LstmTagger.LSTM + "/b").getArr().getDouble(3), "forget bias 1 by default");
    }

    @Test
    void taggerAndSeq2seqKeysReachTheGraph() throws IOException {
        SameDiff tagger = build("kind: tagger, d_model: 4, heads: 1, score: additive, additive_hidden: 3, "
                + "additive_init: bahdanau", new TaskShape(6, 4));
        assertEquals(0.0, tagger.getVariable("attn/score/v").getArr().amaxNumber().doubleValue());
        SameDiff seq2seq = build("kind: seq2seq, embed: 4, hidden: 4, score: additive, additive_hidden: 3, "
                + "additive_init: bahdanau, embedding_init_std: 0.3", new TaskShape(6, 4));
        assertEquals(0.0, seq2seq.getVariable("attention/score/v").getArr().amaxNumber().doubleValue());
        SameDiff plain = build("kind: seq2seq, embed: 4, hidden: 4", new TaskShape(6, 4));
        assertEquals(plain.getVariable("src_embed").getArr().mul(3.0), seq2seq.getVariable("src_embed").getArr());
    }

    /** The se_cnn kind needs image data, so its settings are bound here by hand. */
    @Test
    void seCnnKernelAndRatioChecks() {
        SameDiff sd = new SeCnnKind().build(new SeCnnKind.Settings(4, 1, true, 2, 5, false, 1), TaskShape.images(8, 3), 1)
                .sd();
        assertEquals("[4, 1, 5, 5]", Arrays.toString(sd.getVariable("stem/w").getArr().shape()));
        ConfigValueException e = assertThrows(ConfigValueException.class,
                () -> new SeCnnKind.Settings(8, 2, true, 8, 3, false, 1));
        assertEquals("ratio", e.key());
        assertEquals("ratio: must leave channels / ratio >= 2 SE units with channels=8, was 8", e.getMessage());
        ConfigValueException even = assertThrows(ConfigValueException.class,
                () -> new SeCnnKind.Settings(8, 2, true, 2, 4, false, 1));
        assertEquals("kernel", even.key());
        assertEquals("kernel: must be odd, was 4", even.getMessage());
        assertEquals(8, new SeCnnKind.Settings(8, 2, false, 8, 3, false, 1).ratio(), "without SE the ratio is unused");
        assertEquals(3, new SeCnnKind().defaults().get("kernel"));
        ConfigValueException stride = assertThrows(ConfigValueException.class,
                () -> new SeCnnKind.Settings(8, 2, true, 2, 3, false, 3));
        assertEquals("stem_stride: must be in [1, 2], was 3", stride.getMessage());
        SameDiff strided = new SeCnnKind().build(new SeCnnKind.Settings(4, 1, false, 2, 3, false, 2),
                TaskShape.images(8, 3), 1).sd();
        assertEquals("[2, 4, 4, 4]", Arrays.toString(strided.output(java.util.Map.of("images",
                org.nd4j.linalg.factory.Nd4j.ones(org.nd4j.linalg.api.buffer.DataType.FLOAT, 2, 1, 8, 8)),
                "block0/out").get("block0/out").shape()), "a stride-2 stem halves the 8x8 image");
    }

    @Test
    void unknownAdditiveInitIsAConfigError() {
        Exception e = assertThrows(Exception.class, () -> model("kind: tagger, additive_init: lecun"));
        assertTrue(e.getMessage().contains("additive_init") && e.getMessage().contains("xavier, bahdanau"),
                e.getMessage());
    }
}
