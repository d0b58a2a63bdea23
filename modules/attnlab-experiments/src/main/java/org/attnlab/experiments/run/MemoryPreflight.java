package org.attnlab.experiments.run;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Locale;
import org.attnlab.experiments.config.VariantConfig;

/**
 * A rough upper bound of the memory a run needs, checked against the machine before anything is allocated, so that a
 * config such as {@code seq_len: 100000} or {@code train_examples: 2000000000} stops with one line instead of an
 * out-of-memory error, a native allocation failure or a hang. The estimate reads the resolved config: examples
 * {@code N}, length {@code T}, vocabulary {@code V}, batch {@code B}, width {@code D}, heads {@code H}, layers
 * {@code L}, and adds the data (token ids and one-hot labels of the fixed splits), parameters with their gradients and
 * Adam moments, and one step's activations (attention scores {@code B*H*T^2} per layer, logits {@code B*T*V}). No single
 * array may exceed {@value #MAX_ELEMENTS} elements (ND4J indexes some buffers with 32-bit integers).
 */
final class MemoryPreflight {
    /** Largest number of elements of any one array. */
    static final long MAX_ELEMENTS = Integer.MAX_VALUE;
    private static final double FLOAT = 4;

    private MemoryPreflight() {
    }

    /** Throws {@link PreflightException} naming the variant when a run of {@code runs} cannot fit. */
    static void check(List<RunSpec> runs) {
        check(runs, machineBytes(), Runtime.getRuntime().maxMemory());
    }

    /** As {@link #check(List)} against {@code available} bytes in all and {@code heap} bytes of Java heap. */
    static void check(List<RunSpec> runs, double available, double heap) {
        for (RunSpec run : runs) {
            Estimate e = estimate(run.variant().resolved());
            String variant = run.variant().name();
            if (e.largestArray() > MAX_ELEMENTS) {
                throw new PreflightException(String.format(Locale.ROOT, "variant %s: one array would hold %.3g "
                        + "elements, more than %d; lower seq_len, vocab, d_model or batch_size", variant,
                        e.largestArray(), MAX_ELEMENTS), null);
            }
            if (e.heapBytes() > heap) {
                throw new PreflightException(String.format(Locale.ROOT, "variant %s: the examples need about %s of "
                        + "Java heap, more than the %s available (-Xmx); lower the example counts or seq_len", variant,
                        gib(e.heapBytes()), gib(heap)), null);
            }
            if (e.bytes() > available) {
                throw new PreflightException(String.format(Locale.ROOT, "variant %s: a run needs about %s of memory, "
                        + "more than the %s available; lower seq_len, vocab, d_model, batch_size or the example counts",
                        variant, gib(e.bytes()), gib(available)), null);
            }
        }
    }

    /**
     * The most seeds of {@code variant} that fit in memory trained together as one ensemble (at least 1): an
     * ensemble of E holds E runs' data, parameters, gradients, Adam moments and activations, so E times one run's
     * estimate must fit in the machine's memory and E times its examples in the Java heap.
     */
    static int membersThatFit(VariantConfig variant) {
        return membersThatFit(variant, machineBytes(), Runtime.getRuntime().maxMemory());
    }

    /** As {@link #membersThatFit(VariantConfig)} against {@code available} bytes in all and {@code heap} bytes of heap. */
    static int membersThatFit(VariantConfig variant, double available, double heap) {
        Estimate e = estimate(variant.resolved());
        double fit = Math.min(available / e.bytes(), e.heapBytes() > 0 ? heap / e.heapBytes() : Double.MAX_VALUE);
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, Math.floor(fit)));
    }

    /** About how many bytes {@code members} runs of {@code variant} need trained together, for messages. */
    static String ensembleNeeds(VariantConfig variant, int members) {
        return gib(members * estimate(variant.resolved()).bytes()) + " of memory (" + gib(machineBytes())
                + " available)";
    }

    /** Bytes needed in all, of them on the Java heap (the examples), and the largest array (elements). */
    record Estimate(double bytes, double heapBytes, double largestArray) {
    }

    static Estimate estimate(JsonNode resolved) {
        JsonNode data = resolved.path("dataset");
        JsonNode model = resolved.path("model");
        double n = num(data, "train_examples", 0);
        double nFixed = num(data, "val_examples", 0) + num(data, "test_examples", 0);
        boolean images = "fashion_mnist".equals(data.path("kind").asText());
        double t = images ? 28 * 28 : num(data, "seq_len", num(data, "max_length", 0) + 2);
        double v = images ? 10 : num(data, "vocab", num(data, "max_vocab", 0));
        double b = num(resolved.path("training"), "batch_size", 1);
        double d = Math.max(num(model, "d_model", 0), Math.max(num(model, "hidden", 0),
                Math.max(num(model, "embed", 0), Math.max(num(model, "embedding", 0), num(model, "channels", 0)))));
        double h = Math.max(1, num(model, "heads", 1));
        double l = Math.max(1, num(model, "layers", num(model, "blocks", 1)));
        double ff = num(model, "d_ff", 4 * d);

        double heapBytes = (n + nFixed) * t * 2 * FLOAT;
        double dataBytes = heapBytes + nFixed * t * (1 + (images ? 0 : v)) * FLOAT;
        double params = 2 * v * d + l * (4 * d * d + 2 * d * ff);
        double paramBytes = params * 4 * FLOAT;                                  // value, gradient, two Adam moments
        double scores = b * h * t * t;
        double logits = b * t * v;
        double activationBytes = (b * t * (20 * d + 4 * ff) * l + 4 * scores * l + 4 * logits) * FLOAT;
        double largest = Math.max(Math.max(scores, logits), Math.max(v * d, Math.max(d * ff, nFixed * t * v)));
        return new Estimate(dataBytes + paramBytes + activationBytes, heapBytes, largest);
    }

    private static double num(JsonNode node, String key, double fallback) {
        JsonNode v = node.path(key);
        return v.isNumber() ? v.asDouble() : fallback;
    }

    /** Physical memory of the machine (ND4J's buffers live outside the Java heap). */
    static double machineBytes() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getTotalMemorySize();
        }
        return Runtime.getRuntime().maxMemory() * 2.0;
    }

    static String gib(double bytes) {
        return String.format(Locale.ROOT, "%.1f GiB", bytes / (1L << 30));
    }
}
