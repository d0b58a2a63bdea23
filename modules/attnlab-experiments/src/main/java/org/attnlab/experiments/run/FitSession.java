package org.attnlab.experiments.run;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.nd4j.autodiff.listeners.At;
import org.nd4j.autodiff.listeners.Listener;
import org.nd4j.autodiff.listeners.Operation;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.TrainingConfig;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.autodiff.samediff.internal.TrainingSession;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.nd4j.linalg.learning.GradientUpdater;

/**
 * Optimizer steps of one SameDiff graph, one batch at a time, through a single training session kept from step to
 * step: what {@code sd.fit} over an iterator does, without its per-call set-up (each {@code sd.fit(batch)} call builds
 * a new session with new op contexts and a new array cache, dropped when the call returns). The kept session closes
 * every array it releases during the step ({@link ClosingMemory}), so dead intermediates free their native memory at
 * once instead of when Java next collects them.
 *
 * <p>The first step (or any step before the graph's training is set up) goes through {@code sd.fit(batch)}, which
 * creates the gradient function and the updaters. The updater state is the graph's own, so {@code sd.save(file, true)}
 * and a later {@code sd.fit} see the same state. Not thread-safe: one session per training thread.
 */
public final class FitSession {
    private static final Field UPDATERS = field("updaterMap");
    private static final Field INITIALISED = field("initializedTraining");
    /** The name SameDiff gives its gradient function (its own constant is not public). */
    private static final String GRADIENTS = "grad";

    private final SameDiff sd;
    private TrainingSession session;
    private SameDiff gradients;
    private Set<String> parameters;

    /** Steps of {@code sd}, which must have a training config (see {@link SameDiff#setTrainingConfig}). */
    public FitSession(SameDiff sd) {
        this.sd = sd;
    }

    /** One optimizer step on {@code batch}, whose features and labels feed the training config's mappings. */
    public void fit(MultiDataSet batch) {
        TrainingConfig config = sd.getTrainingConfig();
        if (config == null) {
            throw new IllegalStateException("the graph has no training config: call sd.setTrainingConfig first");
        }
        if (!read(INITIALISED, Boolean.class) || sd.getFunction(GRADIENTS) == null) {
            sd.fit(batch);
            return;
        }
        if (session == null || gradients != sd.getFunction(GRADIENTS)) {
            gradients = sd.getFunction(GRADIENTS);
            session = new TrainingSession(gradients);
            session.setMmgr(new ClosingMemory());
            parameters = trainable(sd);
        }
        gradients.setTrainingConfig(config);
        At at = At.builder().epoch(config.getEpochCount()).iteration(config.getIterationCount())
                .trainingThreadNum(0).javaThreadNum(Thread.currentThread().getId()).operation(Operation.TRAINING)
                .build();
        List<Listener> listeners = active(sd.getListeners());
        for (Listener l : listeners) {
            l.operationStart(gradients, Operation.TRAINING);
            l.iterationStart(sd, at, batch, 0);
        }
        @SuppressWarnings("unchecked")
        Map<String, GradientUpdater> updaters = read(UPDATERS, Map.class);
        session.trainingIteration(config, feeds(config, batch), parameters, updaters, batch, sd.getLossVariables(),
                listeners, at);
        config.incrementIterationCount();
        for (Listener l : listeners) {
            l.operationEnd(sd, Operation.TRAINING);
        }
    }

    /** The placeholder values of {@code batch} under the config's feature, label and mask mappings. */
    private static Map<String, INDArray> feeds(TrainingConfig config, MultiDataSet batch) {
        Map<String, INDArray> feeds = new HashMap<>();
        put(feeds, config.getDataSetFeatureMapping(), batch.getFeatures());
        put(feeds, config.getDataSetLabelMapping(), batch.getLabels());
        put(feeds, config.getDataSetFeatureMaskMapping(), batch.getFeaturesMaskArrays());
        put(feeds, config.getDataSetLabelMaskMapping(), batch.getLabelsMaskArrays());
        return feeds;
    }

    private static void put(Map<String, INDArray> feeds, List<String> names, INDArray[] arrays) {
        if (names == null) {
            return;
        }
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i) != null) {
                feeds.put(names.get(i), arrays == null ? null : arrays[i]);
            }
        }
    }

    private static Set<String> trainable(SameDiff sd) {
        Set<String> names = new LinkedHashSet<>();
        for (SDVariable v : sd.variables()) {
            if (v.getVariableType() == VariableType.VARIABLE) {
                names.add(v.name());
            }
        }
        return names;
    }

    private static List<Listener> active(List<Listener> all) {
        List<Listener> active = new ArrayList<>();
        for (Listener l : all) {
            if (l.isActive(Operation.TRAINING)) {
                active.add(l);
            }
        }
        return active;
    }

    private <T> T read(Field f, Class<T> type) {
        try {
            return type.cast(f.get(sd));
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    /** SameDiff keeps its updaters and their set-up flag private; the session needs both to take a step. */
    private static Field field(String name) {
        try {
            Field f = SameDiff.class.getDeclaredField(name);
            f.setAccessible(true);
            return f;
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException("SameDiff has no field " + name + ": this ND4J version is not supported", e);
        }
    }
}
