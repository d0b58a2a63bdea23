package org.attnlab.models.testing;

import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** JUnit extension making double the default ND4J floating type before each test, as gradient checks need. */
public final class DoublePrecision implements BeforeEachCallback {
    @Override
    public void beforeEach(ExtensionContext context) {
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
    }

    /** Uniform random doubles in [-0.5, 0.5) of the given shape. */
    public static INDArray centered(long... shape) {
        return Nd4j.rand(DataType.DOUBLE, shape).subi(0.5);
    }
}
