package org.attnlab.bench.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/** The digest covers every trainable value and name, and nothing else. */
class ParameterDigestTest {
    private static SameDiff graph(float last, String name) {
        SameDiff sd = SameDiff.create();
        sd.var("a", Nd4j.createFromArray(new float[][]{{1f, 2f}, {3f, last}}));
        sd.var(name, Nd4j.createFromArray(0.5f, -0.25f));
        sd.constant("c", Nd4j.scalar(DataType.FLOAT, (double) last));
        return sd;
    }

    @Test
    void oneUlpOrOneNameChangesTheDigest() {
        String base = ParameterDigest.of(graph(4f, "b"));
        assertEquals(base, ParameterDigest.of(graph(4f, "b")));
        assertEquals(64, base.length());
        assertNotEquals(base, ParameterDigest.of(graph(Math.nextUp(4f), "b")), "one ulp of one weight");
        assertNotEquals(base, ParameterDigest.of(graph(4f, "b2")), "a renamed parameter");
    }
}
