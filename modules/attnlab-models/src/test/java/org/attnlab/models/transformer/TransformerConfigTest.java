package org.attnlab.models.transformer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.attnlab.models.attention.AdditiveInit;
import org.attnlab.models.attention.ScoreFunction;
import org.attnlab.models.support.ConfigChecks;
import org.attnlab.models.support.ConfigValueException;
import org.junit.jupiter.api.Test;

class TransformerConfigTest {
    private static final TransformerConfig BASE = TransformerConfig.small(10, 8, 2, 16, 2, 32);

    private static String error(Runnable r) {
        return assertThrows(ConfigValueException.class, r::run).getMessage();
    }

    private static TransformerConfig of(int tgtVocab, boolean shared, ScoreFunction score, int additiveHidden,
                                        double eps) {
        return new TransformerConfig(10, tgtVocab, 8, 2, 16, 2, 32, 0.0, NormPlacement.PRE, false,
                PositionalKind.LEARNED, shared, score, 0, 0.0, 0.0, additiveHidden, false, eps,
                false, 1.0, 1.0, AdditiveInit.XAVIER);
    }

    @Test
    void invalidValuesNameKeyValueAndValidChoices() {
        assertEquals("norm: missing; valid: post, pre", error(() -> BASE.withNorm(null)));
        assertEquals("positional: missing; valid: sinusoidal, learned, none", error(() -> BASE.withPositional(null)));
        assertEquals("heads: must divide dModel=16, was 3", error(() -> TransformerConfig.small(10, 8, 2, 16, 3, 32)));
        assertEquals("layers: must be >= 1, was 0", error(() -> TransformerConfig.small(10, 8, 0, 16, 2, 32)));
        assertEquals("dropout: must be in [0, 1), was 1", error(() -> BASE.withDropout(1.0, 0, 0)));
        assertEquals("embeddingDropout: must be in [0, 1), was -0.1", error(() -> BASE.withDropout(0, -0.1, 0)));
        assertEquals("attentionDropout: must be in [0, 1), was NaN", error(() -> BASE.withDropout(0, 0, Double.NaN)));
        assertEquals("sharedEmbeddings: needs srcVocab == tgtVocab, was 10 and 12",
                error(() -> of(12, true, ScoreFunction.GENERAL, 16, 1e-5)));
        assertEquals("score: missing; valid: dot, scaled_dot, additive, general",
                error(() -> of(10, true, null, 16, 1e-5)));
        assertEquals("additiveHidden: must be >= 1, was 0", error(() -> of(10, true, ScoreFunction.ADDITIVE, 0, 1e-5)));
        assertEquals("layerNormEps: must be finite and >= 0, was -1.0E-5",
                error(() -> of(10, true, ScoreFunction.DOT, 16, -1e-5)));
    }

    /** The additive hidden size, attention dropout and biases reach every attention layer's settings. */
    @Test
    void attentionKnobsReachTheAttentionSettings() {
        TransformerConfig cfg = new TransformerConfig(10, 10, 8, 2, 16, 2, 32, 0.0, NormPlacement.PRE, true,
                PositionalKind.NONE, false, ScoreFunction.ADDITIVE, 0, 0.0, 0.25, 40, true, 1e-6,
                false, 1.0, 1.0, AdditiveInit.XAVIER);
        assertEquals(40, cfg.multiHead(true).attention().additiveHidden());
        assertEquals(0.25, cfg.multiHead(false).attention().dropout());
        assertEquals(true, cfg.multiHead(false).bias());
        assertEquals(true, cfg.multiHead(true).attention().causal());
    }

    /** Config names of the choices are the constants in lower case; unknown names list the valid ones. */
    @Test
    void choicesParseFromTheirConfigNames() {
        assertEquals(NormPlacement.PRE, ConfigChecks.oneOf("norm", "Pre", NormPlacement.class));
        assertEquals(PositionalKind.NONE, ConfigChecks.oneOf("positional", "none", PositionalKind.class));
        assertEquals("positional: unknown value 'rope'; valid: sinusoidal, learned, none",
                error(() -> ConfigChecks.oneOf("positional", "rope", PositionalKind.class)));
    }
}
