package org.attnlab.experiments.run;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bytedeco.javacpp.Pointer;
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
 * <p>Steps on batches of shapes seen before are replayed ({@link RecordedStep}): the first step of each batch shape
 * goes through the session and is recorded op by op, later ones execute the recorded ops into the recorded buffers
 * without the session's per-op work. The replay keeps a step's intermediate arrays between steps (arrays whose
 * lifetimes do not overlap share memory; up to a quarter of the native memory limit, 1.5 GB under the launcher's
 * {@code -Xmx6g}, over at most {@value #REPLAY_SHAPES} batch shapes); a graph with larger steps, or with
 * ops a replay cannot repeat, keeps the closing session. Steps with listeners or regularization always go through the
 * session; {@code -Dattnlab.replay=false} turns replays off.
 *
 * <p>Before its first step the session sets up what {@code sd.fit} would: the gradient function and the updaters.
 * The updater state is the graph's own, so {@code sd.save(file, true)}
 * and a later {@code sd.fit} see the same state. Not thread-safe: one session per training thread.
 */
public final class FitSession {
    private static final Field UPDATERS = field("updaterMap");
    private static final Field INITIALISED = field("initializedTraining");
    private static final Method INITIALISE = method("initializeTraining");
    /** The name SameDiff gives its gradient function (its own constant is not public). */
    private static final String GRADIENTS = "grad";

    /**
     * The most a session's recordings hold: a quarter of the native memory limit (JavaCPP's, by default -Xmx), or of
     * the heap's limit when JavaCPP's is off ({@code -Dorg.bytedeco.javacpp.maxBytes=0}).
     */
    static final long REPLAY_BYTES =
            (Pointer.maxBytes() > 0 ? Pointer.maxBytes() : Runtime.getRuntime().maxMemory()) / 4;
    static final int REPLAY_SHAPES = 8;

    private final SameDiff sd;
    private final boolean replay;
    private final Deque<RecordedStep> recorded = new ArrayDeque<>();
    private boolean replayable;
    private long replays;
    private ReplayedOpTimer timer;
    private TrainingSession session;
    private SameDiff gradients;
    private Set<String> parameters;
    /** Placeholder values of the current batch, by name, and the config whose mappings named them. */
    private final Map<String, INDArray> feeds = new HashMap<>();
    private TrainingConfig feedsConfig;
    /** The step's position (epoch, iteration) when no listener sees it, kept from step to step. */
    private final At quietAt = At.defaultAt(Operation.TRAINING);

    /**
     * Steps of {@code sd}, which must have a training config (see {@link SameDiff#setTrainingConfig}); replayed
     * unless the system property {@code attnlab.replay} is {@code false}.
     */
    public FitSession(SameDiff sd) {
        this(sd, !"false".equals(System.getProperty("attnlab.replay")));
    }

    /** Steps of {@code sd}, replayed when {@code replay} holds. */
    FitSession(SameDiff sd, boolean replay) {
        this.sd = sd;
        this.replay = replay;
    }

    /** One optimizer step on {@code batch}, whose features and labels feed the training config's mappings. */
    public void fit(MultiDataSet batch) {
        TrainingConfig config = sd.getTrainingConfig();
        if (config == null) {
            throw new IllegalStateException("the graph has no training config: call sd.setTrainingConfig first");
        }
        if (!read(INITIALISED, Boolean.class)) {
            initialise();
        }
        if (sd.getFunction(GRADIENTS) == null) {
            sd.createGradFunction();
        }
        if (session == null || gradients != sd.getFunction(GRADIENTS)) {
            gradients = sd.getFunction(GRADIENTS);
            session = new TrainingSession(gradients);
            session.setMmgr(new ClosingMemory());
            parameters = trainable(sd);
            recorded.clear();
            replayable = replay;
        }
        gradients.setTrainingConfig(config);
        List<Listener> listeners = active(sd.getListeners());
        At at = listeners.isEmpty() ? quietAt : At.defaultAt(Operation.TRAINING);
        at.setEpoch(config.getEpochCount());
        at.setIteration(config.getIterationCount());
        at.setJavaThreadNum(Thread.currentThread().getId());
        for (int i = 0; i < listeners.size(); i++) {
            listeners.get(i).operationStart(gradients, Operation.TRAINING);
            listeners.get(i).iterationStart(sd, at, batch, 0);
        }
        @SuppressWarnings("unchecked")
        Map<String, GradientUpdater> updaters = read(UPDATERS, Map.class);
        Map<String, INDArray> feeds = feeds(config, batch);
        boolean plain = listeners.isEmpty() && (config.getRegularization() == null || config.getRegularization().isEmpty());
        RecordedStep step = plain && replayable ? find(feeds) : null;
        if (step != null) {
            step.replay(feeds, config, updaters, at, timer);
            replays++;
        } else if (plain && replayable) {
            keep(RecordedStep.record(gradients, config, feeds, parameters, updaters, batch, sd.getLossVariables(), at));
        } else {
            session.trainingIteration(config, feeds, parameters, updaters, batch, sd.getLossVariables(), listeners, at);
        }
        config.incrementIterationCount();
        for (int i = 0; i < listeners.size(); i++) {
            listeners.get(i).operationEnd(sd, Operation.TRAINING);
        }
    }

    /**
     * Times every op of the replayed steps from now on with {@code timer} (null stops it); timing adds two clock reads
     * and a call per op.
     */
    public void timeReplayedOps(ReplayedOpTimer timer) {
        this.timer = timer;
    }

    /** Steps taken by replaying a recording. */
    long replays() {
        return replays;
    }

    /** The recorded step that accepts {@code feeds}, moved to the front of the recordings; null when none does. */
    private RecordedStep find(Map<String, INDArray> feeds) {
        RecordedStep latest = recorded.peekFirst();
        if (latest != null && latest.accepts(feeds)) {
            return latest;
        }
        for (Iterator<RecordedStep> it = recorded.iterator(); it.hasNext(); ) {
            RecordedStep step = it.next();
            if (step.accepts(feeds)) {
                it.remove();
                recorded.addFirst(step);
                return step;
            }
        }
        return null;
    }

    /**
     * Keeps a new recording, dropping the least recently used ones beyond the limits; a graph that cannot be recorded
     * or whose one step exceeds the byte limit is not recorded again.
     */
    private void keep(RecordedStep step) {
        if (step == null || step.bytes() > REPLAY_BYTES) {
            replayable = false;
            recorded.clear();
            return;
        }
        recorded.addFirst(step);
        long bytes = recorded.stream().mapToLong(RecordedStep::bytes).sum();
        while (recorded.size() > REPLAY_SHAPES || bytes > REPLAY_BYTES) {
            bytes -= recorded.removeLast().bytes();
        }
    }

    /**
     * The placeholder values of {@code batch} under the config's feature, label and mask mappings, in a map kept from
     * step to step (its entries are overwritten while the config stays the same, so a step makes no new one).
     */
    private Map<String, INDArray> feeds(TrainingConfig config, MultiDataSet batch) {
        if (config != feedsConfig) {
            feeds.clear();
            feedsConfig = config;
        }
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

    /** The listeners active in training; an empty list, made once, when none is. */
    private static List<Listener> active(List<Listener> all) {
        List<Listener> active = List.of();
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).isActive(Operation.TRAINING)) {
                if (active.isEmpty()) {
                    active = new ArrayList<>();
                }
                active.add(all.get(i));
            }
        }
        return active;
    }

    /** Sets up the updaters as {@code sd.fit} does before its first step, without taking a step. */
    private void initialise() {
        try {
            INITIALISE.invoke(sd);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    private <T> T read(Field f, Class<T> type) {
        try {
            return type.cast(f.get(sd));
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    /** SameDiff's set-up of its updaters is protected; the session sets them up before its first step. */
    private static Method method(String name) {
        try {
            Method m = SameDiff.class.getDeclaredMethod(name);
            m.setAccessible(true);
            return m;
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("SameDiff has no method " + name + ": this ND4J version is not supported", e);
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
