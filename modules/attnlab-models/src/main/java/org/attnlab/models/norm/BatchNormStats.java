package org.attnlab.models.norm;

import java.util.Map;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Switches every {@link BatchNorm} site of a graph to batch statistics for one training step and then updates its
 * running estimates as PyTorch does: {@code running = (1 - momentum) running + momentum batch}, with the unbiased
 * batch variance ({@code n / (n - 1)} times the biased one, n = B * H * W). The batch statistics are read in one
 * extra forward pass before the step (with the weights the step starts from, as PyTorch's forward does).
 *
 * <pre>{@code
 * BatchNormStats stats = BatchNormStats.of(sd);
 * stats.during(() -> feeds, () -> sd.fit(batch));   // batch statistics in this step, running ones afterwards
 * }</pre>
 */
public final class BatchNormStats {
    private final SameDiff sd;
    private final TreeSet<String> sites;

    private BatchNormStats(SameDiff sd, TreeSet<String> sites) {
        this.sd = sd;
        this.sites = sites;
    }

    /** The batch-norm sites of {@code sd} (found by their running-mean constants). */
    public static BatchNormStats of(SameDiff sd) {
        TreeSet<String> sites = new TreeSet<>();
        for (SDVariable v : sd.variables()) {
            if (v.getVariableType() == VariableType.CONSTANT && v.name().endsWith(BatchNorm.RUNNING_MEAN)) {
                sites.add(v.name().substring(0, v.name().length() - BatchNorm.RUNNING_MEAN.length()));
            }
        }
        return new BatchNormStats(sd, sites);
    }

    /** True when the graph has no batch norm. */
    public boolean isEmpty() {
        return sites.isEmpty();
    }

    /**
     * Runs one training {@code step} on batch statistics, then updates the running estimates and switches back to
     * them (also on failure). Without sites the step runs as it is.
     *
     * @param feeds the step's placeholder values (only read when the graph has sites)
     */
    public void during(Supplier<Map<String, INDArray>> feeds, Runnable step) {
        if (isEmpty()) {
            step.run();
            return;
        }
        useBatchStatistics(true);
        try {
            Map<String, INDArray> batch = sd.output(feeds.get(), outputs());
            step.run();
            update(batch);
        } finally {
            useBatchStatistics(false);
        }
    }

    private String[] outputs() {
        return sites.stream().flatMap(s -> Stream.of(s + BatchNorm.BATCH_MEAN,
                s + BatchNorm.BATCH_VAR, s + BatchNorm.SHAPE)).toArray(String[]::new);
    }

    private void update(Map<String, INDArray> batch) {
        double m = BatchNorm.MOMENTUM;
        for (String site : sites) {
            long[] shape = batch.get(site + BatchNorm.SHAPE).toLongVector();
            long n = shape[0] * shape[2] * shape[3];
            SDVariable mean = sd.getVariable(site + BatchNorm.RUNNING_MEAN);
            SDVariable var = sd.getVariable(site + BatchNorm.RUNNING_VAR);
            INDArray unbiased = batch.get(site + BatchNorm.BATCH_VAR).mul(n > 1 ? (double) n / (n - 1) : 1.0);
            mean.setArray(mean.getArr().mul(1 - m).add(batch.get(site + BatchNorm.BATCH_MEAN).mul(m))
                    .castTo(mean.dataType()));
            var.setArray(var.getArr().mul(1 - m).add(unbiased.mul(m)).castTo(var.dataType()));
        }
    }

    private void useBatchStatistics(boolean on) {
        for (String site : sites) {
            SDVariable s = sd.getVariable(site + BatchNorm.BATCH_STATS);
            s.setArray(Nd4j.scalar(s.dataType(), on ? 1.0 : 0.0));
        }
    }
}
