package org.attnlab.models.weights;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Reads a safetensors file: an 8-byte little-endian header length N, N bytes of JSON mapping each tensor name to
 * {@code {"dtype", "shape", "data_offsets": [begin, end]}} (offsets into the bytes after the header; an optional
 * {@code "__metadata__"} entry is ignored), then the tensors' raw little-endian, row-major bytes. Supported types:
 * F64, F32, I64, I32. The whole file is read into memory (files up to 2 GiB).
 */
final class Safetensors {
    private static final Map<String, DataType> TYPES = Map.of("F64", DataType.DOUBLE, "F32", DataType.FLOAT,
            "I64", DataType.LONG, "I32", DataType.INT);

    private final Path path;

    private Safetensors(Path path) {
        this.path = path;
    }

    /**
     * The tensors of {@code path} by name, in name order.
     *
     * @throws IllegalArgumentException with a one-line message naming the file and the problem when the file is
     *                                  missing, truncated or inconsistent
     */
    static Map<String, INDArray> read(Path path) {
        return new Safetensors(path).read();
    }

    private Map<String, INDArray> read() {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (IOException e) {
            throw bad("cannot be read: " + e.getMessage());
        }
        if (bytes.length < 8) {
            throw bad("is " + bytes.length + " bytes long, shorter than the 8-byte header length");
        }
        long headerLength = ByteBuffer.wrap(bytes, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        if (headerLength < 2 || headerLength > bytes.length - 8L) {
            throw bad("header length " + headerLength + " does not fit the file's " + bytes.length + " bytes");
        }
        int dataStart = 8 + (int) headerLength;
        JsonNode header = header(new String(bytes, 8, (int) headerLength, StandardCharsets.UTF_8));
        Map<String, INDArray> out = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = header.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getKey().equals("__metadata__")) {
                out.put(e.getKey(), tensor(e.getKey(), e.getValue(), bytes, dataStart));
            }
        }
        return out;
    }

    private JsonNode header(String json) {
        JsonNode header;
        try {
            header = new ObjectMapper().readTree(json);
        } catch (JsonProcessingException e) {
            String reason = e.getOriginalMessage().lines().findFirst().orElse("").replaceAll(" \\(start marker.*", "");
            long column = e.getLocation() == null ? -1 : e.getLocation().getColumnNr();
            throw bad("header is not valid JSON at column " + column + ": " + reason);
        }
        if (header == null || !header.isObject()) {
            throw bad("header is not a JSON object");
        }
        return header;
    }

    private INDArray tensor(String name, JsonNode entry, byte[] bytes, int dataStart) {
        JsonNode dtype = entry.get("dtype");
        JsonNode shapeNode = entry.get("shape");
        JsonNode offsets = entry.get("data_offsets");
        if (dtype == null || !dtype.isTextual() || shapeNode == null || !shapeNode.isArray() || offsets == null
                || !offsets.isArray() || offsets.size() != 2) {
            throw bad("tensor '" + name + "' needs dtype, shape and data_offsets [begin, end], has " + entry);
        }
        DataType type = TYPES.get(dtype.asText());
        if (type == null) {
            throw bad("tensor '" + name + "' has dtype " + dtype.asText() + "; supported: F64, F32, I64, I32");
        }
        long[] shape = new long[shapeNode.size()];
        long count = 1;
        for (int i = 0; i < shape.length; i++) {
            shape[i] = shapeNode.get(i).asLong(-1);
            if (!shapeNode.get(i).canConvertToLong() || shape[i] < 0) {
                throw bad("tensor '" + name + "' has shape " + shapeNode + "; sizes must be whole numbers >= 0");
            }
            count = Math.multiplyExact(count, shape[i]);
        }
        long begin = offsets.get(0).asLong(-1);
        long end = offsets.get(1).asLong(-1);
        long available = bytes.length - (long) dataStart;
        if (begin < 0 || end < begin || end > available) {
            throw bad("tensor '" + name + "' has data_offsets " + offsets + " outside the " + available
                    + " data bytes (truncated file?)");
        }
        int width = type.width();
        if (end - begin != count * width) {
            throw bad("tensor '" + name + "' of shape " + shapeNode + " and dtype " + dtype.asText() + " needs "
                    + count * width + " bytes, its data_offsets " + offsets + " give " + (end - begin));
        }
        ByteBuffer data = ByteBuffer.wrap(bytes, dataStart + (int) begin, (int) (end - begin))
                .order(ByteOrder.LITTLE_ENDIAN);
        int n = (int) count;
        return switch (type) {
            case DOUBLE -> {
                double[] v = new double[n];
                data.asDoubleBuffer().get(v);
                yield Nd4j.create(v, shape, type);
            }
            case FLOAT -> {
                float[] v = new float[n];
                data.asFloatBuffer().get(v);
                yield Nd4j.create(v, shape, type);
            }
            case LONG -> {
                long[] v = new long[n];
                data.asLongBuffer().get(v);
                yield Nd4j.createFromArray(v).reshape(shape);
            }
            default -> {
                int[] v = new int[n];
                data.asIntBuffer().get(v);
                yield Nd4j.createFromArray(v).reshape(shape);
            }
        };
    }

    private IllegalArgumentException bad(String problem) {
        return new IllegalArgumentException("weights file " + path + " (safetensors) " + problem);
    }
}
