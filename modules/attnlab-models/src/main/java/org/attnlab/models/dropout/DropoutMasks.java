package org.attnlab.models.dropout;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Draws the masks of every {@link Dropout} site of a graph for one training step at a time, from a seeded stream.
 * The masks of draw {@code n} depend only on the seed, {@code n} and the batch's shapes, so a run resumed with the
 * {@link #position()} it saved draws the masks the uninterrupted run would have drawn.
 *
 * <pre>{@code
 * DropoutMasks masks = DropoutMasks.of(sd, seed, savedPosition);
 * masks.during(() -> feeds, () -> sd.fit(batch));   // masks set for this step, reset to 1 afterwards
 * }</pre>
 *
 * <p>For an ensemble graph ({@link #ofMembers}) every site's input folds E members into its first axis
 * (member-major); member {@code e}'s block of every mask is drawn from {@code seeds[e]}'s stream exactly as a single
 * run with that seed draws its masks, so each member sees the masks its own single run would.
 */
public final class DropoutMasks {
    /** Keeps the mask stream apart from parameter initialisation, which uses the same seed. */
    private static final long STREAM_SALT = 0x6A09E667F3BCC909L;

    private final SameDiff sd;
    /** Site name -> rate, in name order (the order the masks are drawn in). */
    private final TreeMap<String, Double> rates;
    private final long[] seeds;
    /** Site input shapes by the shapes of the feeds (e.g. {@code "src[32, 12] tgt_in[32, 9]"}). */
    private final Map<String, Map<String, long[]>> shapesByFeedShapes = new HashMap<>();
    private long position;

    private DropoutMasks(SameDiff sd, TreeMap<String, Double> rates, long[] seeds, long position) {
        this.sd = sd;
        this.rates = rates;
        this.seeds = seeds;
        this.position = position;
    }

    /** The masks of {@code sd}'s dropout sites, continuing the stream of {@code seed} at draw {@code position}. */
    public static DropoutMasks of(SameDiff sd, long seed, long position) {
        return ofMembers(sd, new long[]{seed}, position);
    }

    /**
     * The masks of an ensemble graph's sites (inputs {@code [E*B, ...]}, member-major), member {@code e} drawing
     * from {@code seeds[e]}'s stream at draw {@code position}; one seed is {@link #of}.
     */
    public static DropoutMasks ofMembers(SameDiff sd, long[] seeds, long position) {
        if (seeds.length == 0) {
            throw new IllegalArgumentException("seeds: needs at least one member seed");
        }
        if (position < 0) {
            throw new IllegalArgumentException("position = " + position + " is out of range: must be >= 0");
        }
        TreeMap<String, Double> rates = new TreeMap<>();
        for (SDVariable v : sd.variables()) {
            if (v.getVariableType() == VariableType.CONSTANT && v.name().endsWith(Dropout.RATE)) {
                String site = v.name().substring(0, v.name().length() - Dropout.RATE.length());
                rates.put(site, v.getArr().getDouble(0));
            }
        }
        return new DropoutMasks(sd, rates, seeds.clone(), position);
    }

    /** The sites found (name -> rate), in the order their masks are drawn. */
    public Map<String, Double> sites() {
        return Collections.unmodifiableMap(rates);
    }

    /** True when the graph has no dropout site. */
    public boolean isEmpty() {
        return rates.isEmpty();
    }

    /** Draws made so far: the value to save with a checkpoint and pass back to {@link #of} on resume. */
    public long position() {
        return position;
    }

    /**
     * Runs one training {@code step} with freshly drawn masks and resets them to 1 afterwards (also on failure).
     * Without sites the step runs as it is and no draw is counted.
     *
     * @param feeds the step's placeholder values (only read when the graph has sites)
     */
    public void during(Supplier<Map<String, INDArray>> feeds, Runnable step) {
        if (isEmpty()) {
            step.run();
            return;
        }
        draw(feeds.get());
        try {
            step.run();
        } finally {
            clear();
        }
    }

    /** Sets every site's mask for the batch fed by {@code feeds} and advances the stream by one draw. */
    public void draw(Map<String, INDArray> feeds) {
        Map<String, long[]> shapes = shapes(feeds);
        Map<String, double[]> values = new HashMap<>();
        rates.keySet().forEach(site -> values.put(site, new double[Math.toIntExact(length(shapes.get(site)))]));
        for (int e = 0; e < seeds.length; e++) {
            SplittableRandom rnd = new SplittableRandom((seeds[e] ^ STREAM_SALT) + position * 0x9E3779B97F4A7C15L);
            for (Map.Entry<String, Double> site : rates.entrySet()) {
                fill(rnd, site.getValue(), values.get(site.getKey()), e, seeds.length);
            }
        }
        for (String site : rates.keySet()) {
            SDVariable mask = sd.getVariable(site + Dropout.MASK);
            mask.setArray(Nd4j.create(values.get(site), shapes.get(site), mask.dataType()));
        }
        position++;
    }

    /** Resets every mask to the scalar 1 (no dropout). */
    public void clear() {
        for (String site : rates.keySet()) {
            SDVariable mask = sd.getVariable(site + Dropout.MASK);
            mask.setArray(Nd4j.scalar(mask.dataType(), 1.0));
        }
    }

    /** Draws member {@code member}'s block (one of {@code members} equal, contiguous blocks) of a site's mask. */
    private static void fill(SplittableRandom rnd, double rate, double[] values, int member, int members) {
        double kept = 1.0 / (1.0 - rate);
        int block = values.length / members;
        for (int i = member * block; i < (member + 1) * block; i++) {
            values[i] = rnd.nextDouble() < rate ? 0.0 : kept;
        }
    }

    private static long length(long[] shape) {
        long n = 1;
        for (long s : shape) {
            n *= s;
        }
        return n;
    }

    /** The input shape of every site for feeds of these shapes, computed once per distinct feed shapes. */
    private Map<String, long[]> shapes(Map<String, INDArray> feeds) {
        StringBuilder key = new StringBuilder();
        new TreeMap<>(feeds).forEach((name, array) -> key.append(name).append(Arrays.toString(array.shape())).append(' '));
        return shapesByFeedShapes.computeIfAbsent(key.toString(), k -> {
            clear();
            String[] outputs = rates.keySet().stream().map(s -> s + Dropout.SHAPE).toArray(String[]::new);
            Map<String, INDArray> out = sd.output(feeds, outputs);
            Map<String, long[]> shapes = new HashMap<>();
            for (String site : rates.keySet()) {
                shapes.put(site, out.get(site + Dropout.SHAPE).toLongVector());
            }
            return shapes;
        });
    }
}
