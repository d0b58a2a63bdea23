package org.attnlab.models.weights;

import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Imports PyTorch weights into AttnLab graphs. A {@code state_dict} saved as {@code .npz}
 * ({@code numpy.savez(path, **{k: v.numpy() for k, v in module.state_dict().items()})}) is read by {@link #readNpz},
 * one saved as safetensors ({@code safetensors.torch.save_file(module.state_dict(), path)}) by
 * {@link #readSafetensors}, either by {@link #read} (chosen by the file name's ending);
 * the mappings below rename torch's parameters to AttnLab's variables and transpose its {@code [out, in]} linear
 * weights to AttnLab's {@code [in, out]} ({@code y = x W + b}). The graph must be built in the state dict's data
 * type, and with attention biases ({@code attentionBias}) when the torch module has non-zero ones.
 *
 * <table>
 * <caption>PyTorch names (under a prefix such as {@code layers.0.}) and AttnLab variables</caption>
 * <tr><td>{@code in_proj_weight [3d, d]} (rows q, k, v)</td><td>{@code <name>/Wq, Wk, Wv [d, d]}</td></tr>
 * <tr><td>{@code in_proj_bias [3d]}</td><td>{@code <name>/bq, bk, bv [d]}</td></tr>
 * <tr><td>{@code out_proj.weight [d, d]}, {@code out_proj.bias}</td><td>{@code <name>/Wo}, {@code <name>/bo}</td></tr>
 * <tr><td>{@code self_attn.*}, {@code multihead_attn.*}</td><td>{@code <layer>/self/...}, {@code <layer>/cross/...}</td></tr>
 * <tr><td>{@code linear1.weight [dFf, d]}, {@code .bias}; {@code linear2.*}</td><td>{@code <layer>/ff/W1 [d, dFf]}, {@code b1}; {@code W2}, {@code b2}</td></tr>
 * <tr><td>{@code norm1/2(/3).weight, .bias}</td><td>the sublayers' {@code norm/gain, norm/bias} in order</td></tr>
 * </table>
 */
public final class TorchImport {
    private TorchImport() {
    }

    /**
     * The arrays of a {@code .npz} or {@code .safetensors} file by name.
     *
     * @throws IllegalArgumentException naming the file when it has another ending, is missing or cannot be read
     */
    public static Map<String, INDArray> read(Path file) {
        String name = file.getFileName().toString();
        if (name.endsWith(".npz")) {
            return readNpz(file);
        }
        if (name.endsWith(".safetensors")) {
            return readSafetensors(file);
        }
        throw new IllegalArgumentException("weights file " + file + ": unknown format; expected a name ending in "
                + ".npz or .safetensors");
    }

    /**
     * The tensors of a safetensors file by name (F64, F32, I64 or I32).
     *
     * @throws IllegalArgumentException with a one-line message naming the file when it is missing, truncated or
     *                                  inconsistent (header length, JSON header, dtype, shape, offsets)
     */
    public static Map<String, INDArray> readSafetensors(Path file) {
        requireFile(file);
        return Safetensors.read(file);
    }

    /** The arrays of an {@code .npz} file by name (without the {@code .npy} suffix). */
    public static Map<String, INDArray> readNpz(Path npz) {
        File file = requireFile(npz);
        try {
            Map<String, INDArray> raw = Nd4j.createFromNpzFile(file);
            Map<String, INDArray> out = new TreeMap<>();
            raw.forEach((k, v) -> out.put(k.endsWith(".npy") ? k.substring(0, k.length() - 4) : k, v));
            return out;
        } catch (Exception e) {
            throw new IllegalArgumentException("weights file " + npz + " is not a readable .npz: " + e.getMessage(), e);
        }
    }

    private static File requireFile(Path path) {
        File file = path.toFile();
        if (!file.isFile()) {
            throw new IllegalArgumentException("weights file " + path + " does not exist");
        }
        return file;
    }

    /**
     * Loads an {@code nn.MultiheadAttention} state dict (keys under {@code prefix}) into the
     * {@link org.attnlab.models.attention.MultiHeadAttention} called {@code name}. Every key under the prefix must be
     * used and every variable of the layer given.
     */
    public static void multiHeadAttention(SameDiff sd, String name, Map<String, INDArray> stateDict, String prefix) {
        Mapping m = new Mapping(sd, stateDict, prefix);
        m.attention("", name);
        m.load(name + "/");
    }

    /**
     * Loads an {@code nn.TransformerEncoderLayer} state dict (keys under {@code prefix}, e.g. {@code ""} or
     * {@code "layers.0."}) into the {@link org.attnlab.models.transformer.EncoderLayer} called {@code layer}.
     */
    public static void encoderLayer(SameDiff sd, String layer, Map<String, INDArray> stateDict, String prefix) {
        Mapping m = new Mapping(sd, stateDict, prefix);
        m.attention("self_attn.", layer + "/self");
        m.feedForward(layer + "/ff");
        m.norm("norm1.", layer + "/self/norm");
        m.norm("norm2.", layer + "/ff/norm");
        m.load(layer + "/");
    }

    /**
     * Loads an {@code nn.TransformerDecoderLayer} state dict (keys under {@code prefix}) into the
     * {@link org.attnlab.models.transformer.DecoderLayer} called {@code layer}.
     */
    public static void decoderLayer(SameDiff sd, String layer, Map<String, INDArray> stateDict, String prefix) {
        Mapping m = new Mapping(sd, stateDict, prefix);
        m.attention("self_attn.", layer + "/self");
        m.attention("multihead_attn.", layer + "/cross");
        m.feedForward(layer + "/ff");
        m.norm("norm1.", layer + "/self/norm");
        m.norm("norm2.", layer + "/cross/norm");
        m.norm("norm3.", layer + "/ff/norm");
        m.load(layer + "/");
    }

    /** Collects AttnLab-named arrays from torch keys, remembering which keys were used. */
    private static final class Mapping {
        private final SameDiff sd;
        private final Map<String, INDArray> stateDict;
        private final String prefix;
        private final Map<String, INDArray> weights = new LinkedHashMap<>();
        private final TreeSet<String> used = new TreeSet<>();

        Mapping(SameDiff sd, Map<String, INDArray> stateDict, String prefix) {
            this.sd = sd;
            this.stateDict = stateDict;
            this.prefix = prefix;
        }

        void attention(String torch, String name) {
            INDArray in = take(torch + "in_proj_weight");
            long d = in.rank() == 2 ? in.size(1) : -1;
            if (d < 0 || in.size(0) != 3 * d) {
                throw new IllegalArgumentException("torch '" + prefix + torch + "in_proj_weight': expected shape "
                        + "[3d, d], given " + Arrays.toString(in.shape()));
            }
            INDArray bias = stateDict.containsKey(prefix + torch + "in_proj_bias") ? take(torch + "in_proj_bias") : null;
            String[] parts = {"q", "k", "v"};
            for (int i = 0; i < 3; i++) {
                weights.put(name + "/W" + parts[i], in.get(NDArrayIndex.interval(i * d, (i + 1) * d), NDArrayIndex.all())
                        .transpose().dup('c'));
                if (bias != null) {
                    bias(torch + "in_proj_bias", name + "/b" + parts[i],
                            bias.get(NDArrayIndex.interval(i * d, (i + 1) * d)).dup('c'));
                }
            }
            weights.put(name + "/Wo", take(torch + "out_proj.weight").transpose().dup('c'));
            if (stateDict.containsKey(prefix + torch + "out_proj.bias")) {
                bias(torch + "out_proj.bias", name + "/bo", take(torch + "out_proj.bias"));
            }
        }

        void feedForward(String name) {
            weights.put(name + "/W1", take("linear1.weight").transpose().dup('c'));
            weights.put(name + "/b1", take("linear1.bias"));
            weights.put(name + "/W2", take("linear2.weight").transpose().dup('c'));
            weights.put(name + "/b2", take("linear2.bias"));
        }

        void norm(String torch, String name) {
            weights.put(name + "/gain", take(torch + "weight"));
            weights.put(name + "/bias", take(torch + "bias"));
        }

        /** A torch bias: loaded when the graph has the variable; otherwise it must be zero. */
        private void bias(String torch, String name, INDArray value) {
            if (sd.hasVariable(name)) {
                weights.put(name, value);
            } else if (value.amaxNumber().doubleValue() != 0.0) {
                throw new IllegalArgumentException("torch '" + prefix + torch + "' is non-zero but the model has no "
                        + "variable '" + name + "': build it with attention biases (attentionBias = true)");
            }
        }

        private INDArray take(String key) {
            INDArray a = stateDict.get(prefix + key);
            if (a == null) {
                throw new IllegalArgumentException("torch state dict: no '" + prefix + key + "'");
            }
            used.add(prefix + key);
            return a;
        }

        /** Checks that every key under the prefix was used and every variable under {@code scope} given; loads. */
        void load(String scope) {
            TreeSet<String> unused = new TreeSet<>();
            for (String k : stateDict.keySet()) {
                if (k.startsWith(prefix) && !used.contains(k)) {
                    unused.add(k);
                }
            }
            if (!unused.isEmpty()) {
                throw new IllegalArgumentException("torch state dict: no AttnLab variable for " + unused);
            }
            TreeSet<String> missing = new TreeSet<>();
            for (String v : NamedWeights.trainable(sd)) {
                if (v.startsWith(scope) && !weights.containsKey(v)) {
                    missing.add(v);
                }
            }
            if (!missing.isEmpty()) {
                throw new IllegalArgumentException("torch state dict: no value for the AttnLab variables " + missing);
            }
            NamedWeights.load(sd, weights);
        }
    }
}
