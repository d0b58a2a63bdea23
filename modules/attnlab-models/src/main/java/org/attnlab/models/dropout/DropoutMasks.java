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
 */
public final class DropoutMasks {
    /** Keeps the mask stream apart from parameter initialisation, which uses the same seed. */
    private static final long STREAM_SALT = 0x6A09E667F3BCC909L;

    private final SameDiff sd;
    /** Site name -> rate, in name order (the order the masks are drawn in). */
    private final TreeMap<String, Double> rates;
    private final long seed;
    /** Site input shapes by the shapes of the feeds (e.g. {@code "src[32, 12] tgt_in[32, 9]"}). */
    private final Map<String, Map<String, long[]>> shapesByFeedShapes = new HashMap<>();
    private long position;

    private DropoutMasks(SameDiff sd, TreeMap<String, Double> rates, long seed, long position) {
        this.sd = sd;
        this.rates = rates;
        this.seed = seed;
        this.position = position;
    }

    /** The masks of {@code sd}'s dropout sites, continuing the stream of {@code seed} at draw {@code position}. */
    public static DropoutMasks of(SameDiff sd, long seed, long position) {
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
        return new DropoutMasks(sd, rates, seed, position);
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
        SplittableRandom rnd = new SplittableRandom((seed ^ STREAM_SALT) + position * 0x9E3779B97F4A7C15L);
        for (Map.Entry<String, Double> site : rates.entrySet()) {
            SDVariable mask = sd.getVariable(site.getKey() + Dropout.MASK);
            mask.setArray(mask(rnd, site.getValue(), shapes.get(site.getKey()), mask.getArr()));
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

    private static INDArray mask(SplittableRandom rnd, double rate, long[] shape, INDArray like) {
        double kept = 1.0 / (1.0 - rate);
        long n = 1;
        for (long s : shape) {
            n *= s;
        }
        double[] values = new double[Math.toIntExact(n)];
        for (int i = 0; i < values.length; i++) {
            values[i] = rnd.nextDouble() < rate ? 0.0 : kept;
        }
        return Nd4j.create(values, shape, like.dataType());
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
