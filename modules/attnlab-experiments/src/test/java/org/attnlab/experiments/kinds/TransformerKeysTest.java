package org.attnlab.experiments.kinds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.attnlab.experiments.TinyExperiment;
import org.attnlab.experiments.config.ExperimentLoader;
import org.attnlab.experiments.config.VariantConfig;
import org.attnlab.models.transformer.TransformerConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The transformer kind's dropout, additive, bias and layer-norm keys reach {@link TransformerConfig}, with defaults. */
class TransformerKeysTest {
    @TempDir
    Path dir;

    private TransformerConfig config(String variant) throws IOException {
        Path file = TinyExperiment.write(dir, "  v: {model: {kind: transformer" + variant + "}}\n");
        VariantConfig v = new ExperimentLoader(ModelKinds.load()).load(file).variants().get(0);
        return ((TransformerKind.Settings) v.model().settings()).config(new TaskShape(6, 4));
    }

    @Test
    void keysReachTheModelConfig() throws IOException {
        TransformerConfig cfg = config(", score: additive, dropout: 0.1, embedding_dropout: 0.2, "
                + "attention_dropout: 0.3, additive_hidden: 24, attention_bias: true, layer_norm_eps: 0.001");
        assertEquals(0.1, cfg.dropout());
        assertEquals(0.2, cfg.embeddingDropout());
        assertEquals(0.3, cfg.attentionDropout());
        assertEquals(24, cfg.multiHead(false).attention().additiveHidden());
        assertEquals(true, cfg.multiHead(false).bias());
        assertEquals(0.001, cfg.layerNormEps());
    }

    @Test
    void aRateOfOneIsAConfigError() {
        Exception e = assertThrows(Exception.class, () -> config(", attention_dropout: 1.0"));
        System.out.println("attention_dropout: 1.0 -> " + e.getMessage());
        assertTrue(e.getMessage().contains("attention_dropout") && e.getMessage().contains("must be in [0, 1), was 1"),
                e.getMessage());
    }

    @Test
    void defaultsAreNoDropoutNoBiasAndPyTorchsEpsilon() throws IOException {
        TransformerConfig cfg = config("");
        assertEquals(0.0, cfg.dropout() + cfg.embeddingDropout() + cfg.attentionDropout());
        assertEquals(16, cfg.additiveHidden());
        assertEquals(false, cfg.attentionBias());
        assertEquals(1e-5, cfg.layerNormEps());
    }
}
