package org.attnlab.models.weights;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Reading safetensors: values from bytes laid out by hand, equality with the .npz fixtures, one-line errors. */
class SafetensorsTest {
    @TempDir
    Path dir;

    /** A file of the given JSON header and data bytes (header length written little-endian). */
    private Path file(String name, String header, byte[] data) throws IOException {
        byte[] h = header.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(8 + h.length + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(h.length).put(h).put(data);
        return Files.write(dir.resolve(name), b.array());
    }

    /** F32 [2, 2] = [[1.5, -2], [0.25, 3]] then I64 [3] = [7, -1, 2^40], little-endian, after a metadata entry. */
    private Path handMade() throws IOException {
        ByteBuffer data = ByteBuffer.allocate(16 + 24).order(ByteOrder.LITTLE_ENDIAN);
        data.putFloat(1.5f).putFloat(-2f).putFloat(0.25f).putFloat(3f).putLong(7).putLong(-1).putLong(1L << 40);
        return file("hand.safetensors", "{\"__metadata__\":{\"format\":\"pt\"},"
                + "\"w\":{\"dtype\":\"F32\",\"shape\":[2,2],\"data_offsets\":[0,16]},"
                + "\"ids\":{\"dtype\":\"I64\",\"shape\":[3],\"data_offsets\":[16,40]}}    ", data.array());
    }

    @Test
    void readsValuesLaidOutByHand() throws IOException {
        Map<String, INDArray> t = TorchImport.read(handMade());
        assertEquals("[ids, w]", t.keySet().toString(), "metadata is not a tensor");
        INDArray w = t.get("w");
        assertEquals(DataType.FLOAT, w.dataType());
        assertArrayEquals(new long[]{2, 2}, w.shape());
        assertEquals(-2.0, w.getDouble(0, 1));
        assertEquals(0.25, w.getDouble(1, 0));
        INDArray ids = t.get("ids");
        assertEquals(DataType.LONG, ids.dataType());
        assertArrayEquals(new long[]{7, -1, 1L << 40}, ids.toLongVector());
    }

    /** The committed safetensors fixtures hold exactly the tensors of the .npz ones (same names, shapes, values). */
    @Test
    void fixturesEqualTheirNpzTwins() throws URISyntaxException {
        for (String name : new String[]{"mha_torch", "encoder_post_ln", "encoder_pre_ln", "decoder_post_ln",
                "decoder_pre_ln"}) {
            Map<String, INDArray> npz = TorchImport.read(resource(name + ".npz"));
            Map<String, INDArray> st = TorchImport.read(resource(name + ".safetensors"));
            assertEquals(npz.keySet(), st.keySet(), name);
            npz.forEach((k, v) -> {
                assertEquals(DataType.DOUBLE, st.get(k).dataType(), name + " " + k);
                assertEquals(v, st.get(k), name + " " + k);
            });
        }
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(SafetensorsTest.class.getResource("/parity/" + name).toURI());
    }

    private static String error(Path p) {
        String m = assertThrows(IllegalArgumentException.class, () -> TorchImport.read(p)).getMessage();
        assertFalse(m.contains("\n"), "one line: " + m);
        return m.substring(m.indexOf("(safetensors) ") + "(safetensors) ".length());
    }

    @Test
    void corruptOrTruncatedFilesGiveOneLineErrors() throws IOException {
        byte[] valid = Files.readAllBytes(handMade());
        Path shortFile = Files.write(dir.resolve("short.safetensors"), new byte[]{1, 2, 3});
        assertEquals("is 3 bytes long, shorter than the 8-byte header length", error(shortFile));
        Path cut = Files.write(dir.resolve("cut.safetensors"), Arrays.copyOf(valid, valid.length - 5));
        assertEquals("tensor 'ids' has data_offsets [16,40] outside the 35 data bytes (truncated file?)", error(cut));
        Path headerCut = Files.write(dir.resolve("hcut.safetensors"), Arrays.copyOf(valid, 50));
        assertEquals("header length " + (valid.length - 48) + " does not fit the file's 50 bytes", error(headerCut));
        assertEquals("header is not valid JSON at column 20: Unexpected end-of-input: expected close marker for "
                        + "Object",
                error(file("json.safetensors", "{\"w\":{\"dtype\":\"F64\"", new byte[0])));
        assertEquals("header is not a JSON object", error(file("array.safetensors", "[1, 2]", new byte[0])));
        assertEquals("tensor 'w' needs dtype, shape and data_offsets [begin, end], has {\"dtype\":\"F64\"}",
                error(file("fields.safetensors", "{\"w\":{\"dtype\":\"F64\"}}", new byte[0])));
        assertEquals("tensor 'w' has dtype F16; supported: F64, F32, I64, I32", error(file("f16.safetensors",
                "{\"w\":{\"dtype\":\"F16\",\"shape\":[2],\"data_offsets\":[0,4]}}", new byte[4])));
        assertEquals("tensor 'w' of shape [3] and dtype F64 needs 24 bytes, its data_offsets [0,16] give 16",
                error(file("size.safetensors", "{\"w\":{\"dtype\":\"F64\",\"shape\":[3],\"data_offsets\":[0,16]}}",
                        new byte[16])));
        assertEquals("tensor 'w' has shape [2,-1]; sizes must be whole numbers >= 0", error(file("neg.safetensors",
                "{\"w\":{\"dtype\":\"F64\",\"shape\":[2,-1],\"data_offsets\":[0,0]}}", new byte[0])));
        Path missing = dir.resolve("none.safetensors");
        assertEquals("weights file " + missing + " does not exist",
                assertThrows(IllegalArgumentException.class, () -> TorchImport.read(missing)).getMessage());
        assertEquals("weights file " + dir.resolve("w.pt") + ": unknown format; expected a name ending in .npz or "
                + ".safetensors", assertThrows(IllegalArgumentException.class,
                () -> TorchImport.read(dir.resolve("w.pt"))).getMessage());
    }
}
