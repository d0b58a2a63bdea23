package org.attnlab.models.transformer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class TransformerConfigTest {
    private static final TransformerConfig BASE = TransformerConfig.small(10, 8, 2, 16, 2, 32);

    private static String error(Runnable r) {
        return assertThrows(IllegalArgumentException.class, r::run).getMessage();
    }

    @Test
    void invalidValuesNameKeyValueAndValidChoices() {
        assertEquals("norm = middle is not valid: valid names are [post, pre]", error(() -> BASE.withNorm("middle")));
        assertEquals("positional = rope is not valid: valid names are [sinusoidal, learned, none]",
                error(() -> BASE.withPositional("rope")));
        assertEquals("heads = 3 is not valid: must divide dModel = 16",
                error(() -> TransformerConfig.small(10, 8, 2, 16, 3, 32)));
        assertEquals("layers = 0 is out of range: valid range is [1, 2147483647]",
                error(() -> TransformerConfig.small(10, 8, 0, 16, 2, 32)));
        assertEquals("dropout = 1.0 is out of range: valid range is [0, 1)", error(() -> BASE.withDropout(1.0, 0, 0)));
        assertEquals("embeddingDropout = -0.1 is out of range: valid range is [0, 1)",
                error(() -> BASE.withDropout(0, -0.1, 0)));
        assertEquals("attentionDropout = NaN is out of range: valid range is [0, 1)",
                error(() -> BASE.withDropout(0, 0, Double.NaN)));
        assertEquals("sharedEmbeddings = true is not valid with srcVocab = 10 != tgtVocab = 12", error(() ->
                new TransformerConfig(10, 12, 8, 2, 16, 2, 32, 0.0, "pre", false, "learned", true, "general", 0,
                        0.0, 0.0, 16, false, 1e-5, false, 1.0, 1.0, "xavier")));
        assertEquals("score = cosine is not valid: valid names are dot, scaled_dot, additive, general", error(() ->
                new TransformerConfig(10, 10, 8, 2, 16, 2, 32, 0.0, "pre", false, "learned", true, "cosine", 0,
                        0.0, 0.0, 16, false, 1e-5, false, 1.0, 1.0, "xavier")));
        assertEquals("additiveHidden = 0 is out of range: valid range is [1, 2147483647]", error(() ->
                new TransformerConfig(10, 10, 8, 2, 16, 2, 32, 0.0, "pre", false, "learned", true, "additive", 0,
                        0.0, 0.0, 0, false, 1e-5, false, 1.0, 1.0, "xavier")));
        assertEquals("layerNormEps = -1.0E-5 is out of range: valid range is [0, inf)", error(() ->
                new TransformerConfig(10, 10, 8, 2, 16, 2, 32, 0.0, "pre", false, "learned", true, "dot", 0,
                        0.0, 0.0, 16, false, -1e-5, false, 1.0, 1.0, "xavier")));
    }

    /** The additive hidden size, attention dropout and biases reach every attention layer's settings. */
    @Test
    void attentionKnobsReachTheAttentionSettings() {
        TransformerConfig cfg = new TransformerConfig(10, 10, 8, 2, 16, 2, 32, 0.0, "pre", true, "none", false,
                "additive", 0, 0.0, 0.25, 40, true, 1e-6, false, 1.0, 1.0, "xavier");
        assertEquals(40, cfg.multiHead(true).attention().additiveHidden());
        assertEquals(0.25, cfg.multiHead(false).attention().dropout());
        assertEquals(true, cfg.multiHead(false).bias());
        assertEquals(true, cfg.multiHead(true).attention().causal());
    }

    @Test
    void keysParseToTheirChoices() {
        TransformerConfig cfg = BASE.withNorm("pre").withPositional("none");
        assertEquals(NormPlacement.PRE, cfg.normPlacement());
        assertEquals(PositionalKind.NONE, cfg.positionalKind());
    }
}
