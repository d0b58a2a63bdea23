package org.attnlab.experiments.run;

import java.util.Map;
import java.util.Objects;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.schedule.ISchedule;

/**
 * Gradient clipping for SameDiff (whose {@code TrainingConfig} has none): rescales each parameter's gradient to an L2
 * norm of at most {@code maxNorm} (DL4J's "clip L2 per parameter type"), then applies the wrapped updater. A bean
 * with a no-argument constructor so that a checkpoint's training config reads it back.
 */
public final class ClippedUpdater implements IUpdater {
    private IUpdater inner;
    private double maxNorm;

    /** For deserialisation. */
    public ClippedUpdater() {
    }

    public ClippedUpdater(IUpdater inner, double maxNorm) {
        this.inner = inner;
        this.maxNorm = maxNorm;
    }

    public IUpdater getInner() {
        return inner;
    }

    public void setInner(IUpdater inner) {
        this.inner = inner;
    }

    public double getMaxNorm() {
        return maxNorm;
    }

    public void setMaxNorm(double maxNorm) {
        this.maxNorm = maxNorm;
    }

    @Override
    public long stateSize(long numParams) {
        return inner.stateSize(numParams);
    }

    @Override
    public GradientUpdater instantiate(INDArray viewArray, boolean initializeViewArray) {
        return new Clipping(this, inner.instantiate(viewArray, initializeViewArray));
    }

    @Override
    public GradientUpdater instantiate(Map<String, INDArray> state, boolean initializeStateArrays) {
        return new Clipping(this, inner.instantiate(state, initializeStateArrays));
    }

    @Override
    public IUpdater clone() {
        return new ClippedUpdater(inner.clone(), maxNorm);
    }

    @Override
    public double getLearningRate(int iteration, int epoch) {
        return inner.getLearningRate(iteration, epoch);
    }

    @Override
    public boolean hasLearningRate() {
        return inner.hasLearningRate();
    }

    @Override
    public void setLrAndSchedule(double lr, ISchedule lrSchedule) {
        inner.setLrAndSchedule(lr, lrSchedule);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ClippedUpdater c && c.maxNorm == maxNorm && Objects.equals(c.inner, inner);
    }

    @Override
    public int hashCode() {
        return Objects.hash(inner, maxNorm);
    }

    /** Clips, then delegates. */
    private record Clipping(ClippedUpdater config, GradientUpdater<?> inner) implements GradientUpdater<ClippedUpdater> {
        @Override
        public ClippedUpdater getConfig() {
            return config;
        }

        @Override
        public void setState(Map<String, INDArray> state, boolean initialize) {
            inner.setState(state, initialize);
        }

        @Override
        public Map<String, INDArray> getState() {
            return inner.getState();
        }

        @Override
        public void setStateViewArray(INDArray view, long[] shape, char order, boolean initialize) {
            inner.setStateViewArray(view, shape, order, initialize);
        }

        @Override
        public void applyUpdater(INDArray gradient, int iteration, int epoch) {
            double norm = gradient.norm2Number().doubleValue();
            if (norm > config.maxNorm) {
                gradient.muli(config.maxNorm / norm);
            }
            inner.applyUpdater(gradient, iteration, epoch);
        }
    }
}
