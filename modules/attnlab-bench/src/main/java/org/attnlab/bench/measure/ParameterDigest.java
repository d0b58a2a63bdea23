package org.attnlab.bench.measure;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * SHA-256 of a graph's trainable parameters (names and values in name order, each value as a double): two builds
 * that train to the same digest trained to bit-identical weights.
 */
public final class ParameterDigest {
    private ParameterDigest() {
    }

    /** The digest of {@code sd}'s trainable variables, as 64 hex digits. */
    public static String of(SameDiff sd) {
        Map<String, INDArray> params = new TreeMap<>();
        for (SDVariable v : sd.variables()) {
            if (v.getVariableType() == VariableType.VARIABLE) {
                params.put(v.name(), v.getArr());
            }
        }
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
        ByteBuffer value = ByteBuffer.allocate(Double.BYTES);
        params.forEach((name, arr) -> {
            md.update(name.getBytes(StandardCharsets.UTF_8));
            for (double d : arr.dup().castTo(DataType.DOUBLE).data().asDouble()) {
                md.update(value.clear().putDouble(d).array());
            }
        });
        return HexFormat.of().formatHex(md.digest());
    }
}
