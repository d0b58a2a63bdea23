package org.attnlab.models.parity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import org.attnlab.models.weights.TorchImport;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One PyTorch reference case from {@code src/test/resources/parity/<case>.json} (written by
 * {@code src/test/python/make_parity_fixtures.py}): named float64 arrays for inputs, weights and expected outputs.
 */
final class ParityFixture {
    /** Largest absolute difference accepted between AttnLab and PyTorch (both in double). */
    static final double TOLERANCE = 1e-12;

    private final String name;
    private final JsonNode arrays;
    /** Arrays computed from the stored ones (e.g. torch weights renamed and re-laid-out for AttnLab). */
    private final Map<String, INDArray> derived = new HashMap<>();

    private ParityFixture(String name, JsonNode arrays) {
        this.name = name;
        this.arrays = arrays;
    }

    /**
     * Builds a graph from fixture {@code name} ({@code graph} adds the layer, its inputs taken from the fixture),
     * loads the fixture's weights into it and checks the named outputs.
     */
    static void assertParity(String name, BiConsumer<SameDiff, ParityFixture> graph, String... outputs) {
        ParityFixture f = load(name);
        SameDiff sd = SameDiff.create();
        graph.accept(sd, f);
        f.setWeights(sd);
        f.assertOutputsMatch(sd, outputs);
    }

    /**
     * The torch {@code state_dict} stored beside fixture {@code name} as {@code parity/<name>.<format>}, format
     * {@code npz} or {@code safetensors} (the same tensors).
     */
    static Map<String, INDArray> stateDict(String name, String format) {
        try {
            return TorchImport.read(Path.of(ParityFixture.class.getResource("/parity/" + name + "." + format)
                    .toURI()));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Loads {@code parity/<name>.json} from the test class path. */
    static ParityFixture load(String name) {
        try (InputStream in = ParityFixture.class.getResourceAsStream("/parity/" + name + ".json")) {
            assertNotNull(in, "missing fixture parity/" + name + ".json");
            return new ParityFixture(name, new ObjectMapper().readTree(in).get("arrays"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The fixture array called {@code key} (a derived one first), as a double array in its stored shape. */
    INDArray array(String key) {
        INDArray d = derived.get(key);
        if (d != null) {
            return d;
        }
        JsonNode node = arrays.get(key);
        assertNotNull(node, name + ": no array '" + key + "'");
        long[] shape = new long[node.get("shape").size()];
        for (int i = 0; i < shape.length; i++) {
            shape[i] = node.get("shape").get(i).asLong();
        }
        double[] data = new double[node.get("data").size()];
        for (int i = 0; i < data.length; i++) {
            data[i] = node.get("data").get(i).asDouble();
        }
        return Nd4j.create(data, shape, DataType.DOUBLE);
    }

    /**
     * Adds array {@code key} computed from the stored ones, e.g. a torch weight under its AttnLab name and layout, so
     * that {@link #setWeights} finds it; a stored array of the same name may not exist.
     */
    void derive(String key, INDArray value) {
        assertFalse(arrays.has(key), name + ": derived array '" + key + "' would shadow a stored one");
        derived.put(key, value.dup('c'));
    }

    /** A graph constant named {@code key} holding the fixture array {@code key}. */
    SDVariable constant(SameDiff sd, String key) {
        return sd.constant(key, array(key));
    }

    /** Overwrites every trainable variable of the graph with the fixture array of the same name (all must exist). */
    void setWeights(SameDiff sd) {
        for (SDVariable v : sd.variables()) {
            if (v.getVariableType() == VariableType.VARIABLE) {
                INDArray w = array(v.name());
                assertArrayEquals(v.getArr().shape(), w.shape(), name + ": shape of " + v.name());
                v.setArray(w);
            }
        }
    }

    /** Runs the graph and checks each output against the fixture array of the same name to {@link #TOLERANCE}. */
    void assertOutputsMatch(SameDiff sd, String... outputs) {
        Map<String, INDArray> actual = sd.output(Map.of(), outputs);
        for (String out : outputs) {
            INDArray expected = array(out);
            INDArray got = actual.get(out);
            assertArrayEquals(expected.shape(), got.shape(), name + ": shape of " + out);
            double diff = got.sub(expected).amaxNumber().doubleValue();
            System.out.printf("parity %s %s: max |attnlab - torch| = %.3g%n", name, out, diff);
            assertTrue(diff <= TOLERANCE, name + ": " + out + " differs from PyTorch by " + diff);
        }
    }
}
