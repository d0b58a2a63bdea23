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
        assertEquals("dropout = 0.1 is not supported: valid value is 0 "
                + "(SameDiff 1.0.0-M2.1 dropout would also drop at inference)", error(() -> new TransformerConfig(
                10, 10, 8, 2, 16, 2, 32, 0.1, "post", true, "none", false, "dot", 0)));
        assertEquals("sharedEmbeddings = true is not valid with srcVocab = 10 != tgtVocab = 12", error(() ->
                new TransformerConfig(10, 12, 8, 2, 16, 2, 32, 0.0, "pre", false, "learned", true, "general", 0)));
        assertEquals("score = cosine is not valid: valid names are dot, scaled_dot, additive, general", error(() ->
                new TransformerConfig(10, 10, 8, 2, 16, 2, 32, 0.0, "pre", false, "learned", true, "cosine", 0)));
    }

    @Test
    void keysParseToTheirChoices() {
        TransformerConfig cfg = BASE.withNorm("pre").withPositional("none");
        assertEquals(NormPlacement.PRE, cfg.normPlacement());
        assertEquals(PositionalKind.NONE, cfg.positionalKind());
    }
}
