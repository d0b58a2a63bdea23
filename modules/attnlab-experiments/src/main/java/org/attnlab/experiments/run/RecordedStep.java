package org.attnlab.experiments.run;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.nd4j.autodiff.functions.DifferentialFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.nd4j.autodiff.listeners.At;
import org.nd4j.autodiff.listeners.BaseListener;
import org.nd4j.autodiff.listeners.Listener;
import org.nd4j.autodiff.listeners.Operation;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.TrainingConfig;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.autodiff.samediff.internal.SameDiffOp;
import org.nd4j.autodiff.samediff.internal.TrainingSession;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.CustomOp;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.Op;
import org.nd4j.linalg.api.ops.OpContext;
import org.nd4j.linalg.api.ops.ReduceOp;
import org.nd4j.linalg.api.ops.ScalarOp;
import org.nd4j.linalg.api.ops.custom.Invoke;
import org.nd4j.linalg.api.ops.impl.controlflow.compat.BaseCompatOp;
import org.nd4j.linalg.api.ops.impl.layers.ExternalErrorsFunction;
import org.nd4j.linalg.api.ops.impl.shape.CreateView;
import org.nd4j.linalg.api.ops.impl.shape.tensorops.BaseTensorOp;
import org.nd4j.linalg.api.ops.impl.transforms.Assert;
import org.nd4j.linalg.api.ops.impl.transforms.gradient.GradientBackwardsMarker;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.AddOp;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.SubOp;
import org.nd4j.linalg.api.ops.impl.transforms.same.Identity;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.bytedeco.javacpp.Pointer;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.AdamUpdater;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.Adam;

/**
 * One training step of a graph, recorded op by op through SameDiff's training session and then replayed on later
 * batches of the same shapes. The recording keeps the op order and each op's arguments, and gives every array the step
 * creates a fixed array kept from step to step ({@link ArrayPlan}: arrays of one type and length whose lifetimes do
 * not overlap share one buffer), so a replayed step executes the same ops, in the same order, into the same buffers,
 * and applies each parameter's updater right after the op that computes its gradient, as {@link TrainingSession}
 * does. What a replay skips is the session's per-op work: working out the subgraph, dependency tracking, output-shape
 * calculation and allocation. Some ops are rewritten into cheaper kernels ({@link LeanKernels}); batched matrix
 * products run in Java ({@link BatchedProduct}) or as OpenBLAS calls of their own ({@link BlasBatchedProduct}), whose
 * float rounding differs from libnd4j's, so a step recorded with them is undone and taken again by its replay: every
 * replayed step then computes alike.
 *
 * <p>Batches (placeholders) and graph constants (dropout masks, batch-norm switches) are copied into the recorded
 * arrays before each replay; trainable parameters must still be the arrays the recording saw (they are updated in
 * place). A graph with control-flow, tensor-array, external-gradient or {@code CreateView} ops is not recorded
 * ({@link #record} returns null after taking the step through the session).
 */
final class RecordedStep {
    private static final Logger LOG = LoggerFactory.getLogger(RecordedStep.class);
    private final SameDiff gradients;
    private final Named feeds;
    private final Named constants;
    private final Named parameters;
    private final List<Exec> execs;
    private final long bytes;
    private final LearningRate rate = new LearningRate();
    /** Whether some of the step's kernels round otherwise than the session's ops. */
    private final boolean roundsOtherwise;

    private RecordedStep(SameDiff gradients, Map<String, INDArray> feeds, Map<String, INDArray> constants,
                         Map<String, INDArray> parameters, List<Exec> execs, long bytes, boolean roundsOtherwise) {
        this.gradients = gradients;
        this.roundsOtherwise = roundsOtherwise;
        this.feeds = Named.of(feeds);
        this.constants = Named.of(constants);
        this.parameters = Named.of(parameters);
        this.execs = execs;
        this.bytes = bytes;
    }

    /**
     * Takes one training step of {@code gradients} (SameDiff's gradient function of the trained graph) through a new
     * training session and records it; null when the graph holds an op a replay cannot repeat (the step is taken
     * either way).
     */
    static RecordedStep record(SameDiff gradients, TrainingConfig config, Map<String, INDArray> batchFeeds,
                               Set<String> trainable, Map<String, GradientUpdater> updaters, MultiDataSet batch,
                               List<String> losses, At at) {
        Map<String, INDArray> feeds = new LinkedHashMap<>();
        batchFeeds.forEach((name, array) -> feeds.put(name, array == null ? null : array.dup()));
        Recorder recorder = new Recorder(gradients, feeds);
        Map<INDArray, INDArray> before = snapshot(gradients, trainable, updaters);
        TrainingSession session = new TrainingSession(gradients);
        session.setMmgr(new ClosingMemory());
        session.trainingIteration(config, feeds, trainable, updaters, batch, losses, List.of(recorder), at);
        RecordedStep step = recorder.step();
        if (step != null && step.roundsOtherwise) {
            before.forEach((array, copy) -> array.assign(copy));
            step.replay(feeds, config, updaters, at, null);
        }
        return step;
    }

    /**
     * Copies of the parameters and their updaters' state, by array: a step with kernels in Java is taken again by
     * its replay from this state, so that every replayed step of a run, the recorded one too, computes alike.
     */
    private static Map<INDArray, INDArray> snapshot(SameDiff gradients, Set<String> trainable,
                                                    Map<String, GradientUpdater> updaters) {
        Map<INDArray, INDArray> copies = new IdentityHashMap<>();
        for (String name : trainable) {
            INDArray value = gradients.getVariable(name).getArr();
            copies.put(value, value.dup());
            GradientUpdater<?> updater = updaters.get(name);
            Map<String, INDArray> state = updater == null ? null : updater.getState();
            if (state != null) {
                state.values().forEach(a -> copies.put(a, a.dup()));
            }
        }
        return copies;
    }

    /** Native bytes of the arrays the replay keeps for the step's intermediates ({@link ArrayPlan#bytes}). */
    long bytes() {
        return bytes;
    }

    /**
     * Whether the step can be replayed on {@code batchFeeds}: the same placeholders with the same shapes and types,
     * constants of the recorded shapes, and the graph's parameters still the recorded arrays.
     */
    boolean accepts(Map<String, INDArray> batchFeeds) {
        if (batchFeeds.size() != feeds.names.length) {
            return false;
        }
        for (int i = 0; i < feeds.names.length; i++) {
            INDArray now = batchFeeds.get(feeds.names[i]);
            if ((now == null && !batchFeeds.containsKey(feeds.names[i])) || !sameLayout(feeds.arrays[i], now)) {
                return false;
            }
        }
        // getArrForVarName, not getVariable(name).getArr(): the latter builds a string per call
        for (int i = 0; i < constants.names.length; i++) {
            if (!sameLayout(constants.arrays[i], gradients.getArrForVarName(constants.names[i]))) {
                return false;
            }
        }
        for (int i = 0; i < parameters.names.length; i++) {
            if (gradients.getArrForVarName(parameters.names[i]) != parameters.arrays[i]) {
                return false;
            }
        }
        return true;
    }

    /** One optimizer step on {@code batchFeeds}, which {@link #accepts}; iteration and epoch come from {@code at}. */
    void replay(Map<String, INDArray> batchFeeds, TrainingConfig config, Map<String, GradientUpdater> updaters, At at,
                ReplayedOpTimer timer) {
        for (int i = 0; i < feeds.names.length; i++) {
            copy(batchFeeds.get(feeds.names[i]), feeds.arrays[i]);
        }
        for (int i = 0; i < constants.names.length; i++) {
            copy(gradients.getArrForVarName(constants.names[i]), constants.arrays[i]);
        }
        for (int i = 0; i < execs.size(); i++) {
            Exec exec = execs.get(i);
            long start = timer == null ? 0 : System.nanoTime();
            exec.run();
            long ran = timer == null ? 0 : System.nanoTime();
            for (int k = 0; k < exec.updates.size(); k++) {
                Update u = exec.updates.get(k);
                u.apply(updaters.get(u.parameter), config.isMinimize(), at, rate);
            }
            if (timer != null) {
                timer.ran(exec.name, exec.shapes, ran - start);
                if (!exec.updates.isEmpty()) {
                    timer.ran(ReplayedOpTimer.UPDATE, exec.updated, System.nanoTime() - ran);
                }
            }
        }
    }

    /**
     * {@code from}'s values into {@code into}: a plain memory copy when both are whole buffers of one type and length
     * (a batch into the recording's placeholder), else ND4J's assign (whose executor makes garbage on every call). On
     * the CPU the copy goes through the buffers' kept pointers: ND4J's own memcpy makes six pointer objects per call.
     */
    private static void copy(INDArray from, INDArray into) {
        if (from == into || into == null) {
            return;
        }
        if (whole(from) && whole(into) && from.dataType() == into.dataType() && from.length() == into.length()) {
            if (BatchedProduct.ON_CPU && from.data().offset() == 0 && into.data().offset() == 0) {
                Pointer.memcpy(into.data().pointer(), from.data().pointer(), from.length() * from.dataType().width());
            } else {
                Nd4j.getMemoryManager().memcpy(into.data(), from.data());
            }
        } else {
            into.assign(from);
        }
    }

    /** Whether {@code a} is a c-order array that spans its whole buffer. */
    static boolean whole(INDArray a) {
        return a.ordering() == 'c' && !a.isView() && a.data().length() == a.length();
    }

    private static boolean sameLayout(INDArray recorded, INDArray now) {
        if (recorded == null || now == null) {
            return recorded == now;
        }
        return recorded.dataType() == now.dataType() && Arrays.equals(recorded.shape(), now.shape());
    }

    /**
     * Arrays by name, in the recording's order, as two arrays: a step walks them with no iterator or lambda to make.
     */
    private record Named(String[] names, INDArray[] arrays) {
        static Named of(Map<String, INDArray> byName) {
            return new Named(byName.keySet().toArray(String[]::new), byName.values().toArray(INDArray[]::new));
        }
    }

    /**
     * A parameter update: after the op that computes {@code gradient}, the updater of {@code parameter} turns it into
     * the step and the step is subtracted from the parameter's {@code value}, as {@link TrainingSession} does. ND4J's
     * Adam updater and the subtraction run the ops {@code AdamUpdater.applyUpdater} and {@code INDArray.subi} run, on
     * op contexts kept from step to step (built again when the updater's state arrays change); other updaters are
     * called as they are.
     */
    private static final class Update {
        private static final CustomOp ADAM = new org.nd4j.linalg.api.ops.impl.updaters.AdamUpdater();
        private static final CustomOp SUBTRACT = new SubOp();
        private static final CustomOp ADD = new AddOp();

        private final String parameter;
        private final INDArray gradient;
        private final INDArray value;
        private OpContext adam;
        private DirectOps.Arguments adamArguments;
        private INDArray adamState;
        private OpContext subtract;

        Update(String parameter, INDArray gradient, INDArray value) {
            this.parameter = parameter;
            this.gradient = gradient;
            this.value = value;
        }

        void apply(GradientUpdater<?> updater, boolean minimize, At at, LearningRate rate) {
            if (updater.getClass() == AdamUpdater.class) {
                adam((AdamUpdater) updater, at, rate);
            } else {
                updater.applyUpdater(gradient, at.iteration(), at.epoch());
            }
            if (subtract == null) {
                subtract = context(List.of(value, gradient), value);
            }
            DirectOps.exec(minimize ? SUBTRACT : ADD, subtract);
        }

        private void adam(AdamUpdater updater, At at, LearningRate rate) {
            INDArray v = updater.getV();
            INDArray m = updater.getM();
            if (adam == null || adamState != v) {
                INDArray g = gradient.reshape(v.shape());
                adam = context(List.of(g, v, m), g, v, m);
                adamArguments = new DirectOps.Arguments(adam, 1, 4);
                adamState = v;
            }
            Adam c = updater.getConfig();
            adamArguments.real(0, rate.of(c, at)).real(1, c.getBeta1())
                    .real(2, c.getBeta2()).real(3, c.getEpsilon()).integer(0, at.iteration()).apply();
            DirectOps.exec(ADAM, adam);
        }

        private static OpContext context(List<INDArray> inputs, INDArray... outputs) {
            OpContext c = Nd4j.getExecutioner().buildContext();
            c.setInputArrays(inputs);
            c.setOutputArrays(outputs);
            return c;
        }
    }

    /**
     * The learning rate of the step's updates, asked of the updater's config once per step and config (its schedule
     * boxes the iteration on every call, and a step updates every parameter).
     */
    private static final class LearningRate {
        private Adam config;
        private int iteration = -1;
        private int epoch = -1;
        private double value;

        double of(Adam c, At at) {
            if (c != config || at.iteration() != iteration || at.epoch() != epoch) {
                value = c.getLearningRate(at.iteration(), at.epoch());
                config = c;
                iteration = at.iteration();
                epoch = at.epoch();
            }
            return value;
        }
    }

    /**
     * One recorded op execution with its context, the shapes it runs on ("input shapes -> output shapes") and the
     * parameters updated after it (names, comma-separated). {@code kernel}, when set, runs in place of the op: a Java
     * kernel, or a legacy op bound straight to libnd4j ({@link DirectOps#legacy}). Other legacy scalar and reduce ops
     * carry state on the op object (the scalar, the reduced axes) that another session may change between steps; it is
     * put back before each run.
     */
    private record Exec(DifferentialFunction op, Runnable kernel, OpContext context, INDArray scalar, int[] axes,
                        boolean emptyReduce, List<Update> updates, String name, String shapes, String updated) {
        void run() {
            if (kernel != null) {
                kernel.run();
                return;
            }
            if (scalar != null) {
                ((ScalarOp) op).setScalar(scalar);
            }
            if (axes != null) {
                op.setDimensions(axes);
                ((org.nd4j.linalg.api.ops.BaseReduceOp) op).setEmptyReduce(emptyReduce);
            }
            if (op instanceof CustomOp c) {
                DirectOps.exec(c, context);
            } else {
                Nd4j.exec((Op) op, context);
            }
        }
    }

    /** Listens to the recorded session's op executions and keeps what a replay needs. */
    private static final class Recorder extends BaseListener {
        private final SameDiff gradients;
        private final Map<String, INDArray> feeds;
        private final Map<String, INDArray> constants = new LinkedHashMap<>();
        private final Map<String, INDArray> parameters = new LinkedHashMap<>();
        /** Arrays from outside the step an op may read: placeholders, constants and parameters, by name. */
        private final Map<INDArray, String> outside = new IdentityHashMap<>();
        /** Arrays the session created without an op writing them (the backward pass's seed of ones), kept as copies. */
        private final Map<INDArray, INDArray> kept = new IdentityHashMap<>();
        private final Map<String, String> gradientOf = new LinkedHashMap<>();
        private final ArrayPlan plan = new ArrayPlan();
        private final List<RawExec> execs = new ArrayList<>();
        private String unsupported;

        Recorder(SameDiff gradients, Map<String, INDArray> feeds) {
            this.gradients = gradients;
            this.feeds = feeds;
            feeds.forEach((name, array) -> outside.put(array, name));
            for (SDVariable v : gradients.variables()) {
                if (v.getVariableType() == VariableType.VARIABLE || v.getVariableType() == VariableType.CONSTANT) {
                    INDArray array = v.getArr();
                    if (array != null) {
                        outside.put(array, v.name());
                    }
                }
                if (v.getVariableType() == VariableType.VARIABLE && v.getGradient() != null) {
                    gradientOf.put(v.getGradient().name(), v.name());
                }
            }
        }

        @Override
        public boolean isActive(Operation operation) {
            return true;
        }

        @Override
        public void opExecution(SameDiff sd, At at, MultiDataSet batch, SameDiffOp op, OpContext context,
                                INDArray[] outputs) {
            if (unsupported != null) {
                return;
            }
            DifferentialFunction df = op.getOp();
            if (df instanceof Identity) {
                return; // its output is its input
            }
            if (df instanceof GradientBackwardsMarker) {
                kept.put(outputs[0], outputs[0].dup());
                return;
            }
            if (df instanceof BaseCompatOp || df instanceof BaseTensorOp || df instanceof Invoke
                    || df instanceof ExternalErrorsFunction || df instanceof Assert || df instanceof CreateView
                    || context == null || !(df instanceof CustomOp || df instanceof Op)) {
                unsupported = df.opName();
                return;
            }
            int position = execs.size();
            List<INDArray> inputs = context.getInputArrays();
            for (INDArray input : inputs) {
                if (!read(input, position)) {
                    unsupported = df.opName() + " (it reads an array from outside the step)";
                    return;
                }
            }
            INDArray scalar = null;
            if (df instanceof ScalarOp s && df.argNames().length == 2) {
                scalar = s.scalar();
                if (!read(scalar, position)) {
                    unsupported = df.opName() + " (it reads a scalar from outside the step)";
                    return;
                }
            }
            for (INDArray output : outputs) {
                if (plan.defines(output)) {
                    plan.write(output, position);
                } else if (outside.containsKey(output) || kept.containsKey(output) || output.isView()) {
                    unsupported = df.opName() + " (it writes into an array from outside the step)";
                    return;
                } else {
                    plan.define(output, position);
                }
            }
            int[] axes = null;
            boolean empty = false;
            if (df instanceof ReduceOp r && r.getOpType() != Op.Type.REDUCE3 && df.argNames().length == 2) {
                org.nd4j.linalg.api.ops.BaseReduceOp b = (org.nd4j.linalg.api.ops.BaseReduceOp) df;
                empty = b.isEmptyReduce();
                INDArray dims = b.dimensions();
                axes = dims == null ? null : dims.toIntVector();
            }
            List<String> updated = new ArrayList<>();
            List<String> names = op.getOutputsOfOp();
            for (int i = 0; i < names.size(); i++) {
                updated.add(gradientOf.get(names.get(i)));
            }
            execs.add(new RawExec(df, List.copyOf(inputs), outputs.clone(), context, scalar, axes, empty, updated));
        }

        /** Whether an op's input is an array the step knows, noting which constants and parameters it reads. */
        private boolean read(INDArray array, int position) {
            if (plan.defines(array)) {
                plan.use(array, position);
                return true;
            }
            if (kept.containsKey(array)) {
                return true;
            }
            String name = outside.get(array);
            if (name == null) {
                return false;
            }
            if (!feeds.containsKey(name)) {
                SDVariable v = gradients.getVariable(name);
                (v.getVariableType() == VariableType.CONSTANT ? constants : parameters).put(name, array);
            }
            return true;
        }

        RecordedStep step() {
            if (unsupported != null) {
                LOG.info("training steps go through SameDiff's session: the graph's op {} cannot be replayed",
                        unsupported);
                return null;
            }
            List<RawExec> lean = LeanKernels.rewrite(execs, plan);
            Map<INDArray, INDArray> placed = plan.allocate();
            placed.putAll(kept);
            List<Exec> replayed = new ArrayList<>();
            for (RawExec raw : lean) {
                replayed.add(raw.placed(placed, gradients));
            }
            return new RecordedStep(gradients, feeds, constants, parameters, List.copyOf(replayed), plan.bytes(),
                    lean.stream().anyMatch(RawExec::roundsOtherwise));
        }
    }

    /**
     * An op execution as recorded: the session's arrays and the arguments its context held (the session empties the
     * context after the op runs), and for each output the parameter it is the gradient of, or null.
     */
    record RawExec(DifferentialFunction op, Kernel kernel, List<INDArray> inputs, INDArray[] outputs, long[] ints,
                           double[] reals, boolean[] flags, DataType[] types, INDArray scalar, int[] axes,
                           boolean emptyReduce, List<String> updated) {
        RawExec(DifferentialFunction op, List<INDArray> inputs, INDArray[] outputs, OpContext context, INDArray scalar,
                int[] axes, boolean emptyReduce, List<String> updated) {
            this(op, null, inputs, outputs, context.getIArguments().stream().mapToLong(Long::longValue).toArray(),
                    context.getTArguments().stream().mapToDouble(Double::doubleValue).toArray(),
                    flags(context.getBArguments()), context.getDArguments().toArray(new DataType[0]), scalar, axes,
                    emptyReduce, updated);
        }

        /** An execution of {@code kernel} in place of {@code replaced}'s, on these arrays, with no parameter update. */
        static RawExec java(Kernel kernel, DifferentialFunction replaced, List<INDArray> inputs, INDArray[] outputs) {
            return new RawExec(replaced, kernel, inputs, outputs, new long[0],
                    new double[0], new boolean[0], new DataType[0], null, null, false,
                    Collections.nCopies(outputs.length, null));
        }

        /** An execution of libnd4j's custom op {@code name} with these arrays and arguments and no parameter update. */
        static RawExec custom(String name, List<INDArray> inputs, INDArray[] outputs, long[] ints, boolean[] flags) {
            return of(DynamicCustomOp.builder(name).build(), inputs, outputs, ints, flags);
        }

        /** An execution of {@code op} (a custom op, or a legacy transform) with no parameter update. */
        static RawExec of(DifferentialFunction op, List<INDArray> inputs, INDArray[] outputs, long[] ints,
                          boolean[] flags) {
            return new RawExec(op, null, inputs, outputs, ints, new double[0], flags, new DataType[0], null, null,
                    false, Collections.nCopies(outputs.length, null));
        }

        /** The same execution updating {@code parameter} (may be null) after it, from its one output. */
        RawExec updating(String parameter) {
            return new RawExec(op, kernel, inputs, outputs, ints, reals, flags, types, scalar, axes, emptyReduce,
                    Collections.singletonList(parameter));
        }

        /** The execution on the placed arrays ({@code placed} maps each array the step created to its place). */
        Exec placed(Map<INDArray, INDArray> placed, SameDiff gradients) {
            OpContext c = Nd4j.getExecutioner().buildContext();
            c.setInputArrays(inputs.stream().map(a -> placed.getOrDefault(a, a)).toList());
            INDArray[] outs = new INDArray[outputs.length];
            List<Update> updates = new ArrayList<>();
            for (int i = 0; i < outs.length; i++) {
                outs[i] = placed.get(outputs[i]);
                if (updated.get(i) != null) {
                    updates.add(new Update(updated.get(i), outs[i], gradients.getVariable(updated.get(i)).getArr()));
                }
            }
            c.setOutputArrays(outs);
            c.setIArguments(ints);
            c.setTArguments(reals);
            c.setBArguments(flags);
            c.setDArguments(types);
            String shapes = c.getInputArrays().stream().map(a -> Arrays.toString(a.shape())).toList() + " -> "
                    + Arrays.stream(outs).map(a -> Arrays.toString(a.shape())).toList();
            INDArray placedScalar = scalar == null ? null : placed.getOrDefault(scalar, scalar);
            Runnable bound = kernel == null ? DirectOps.legacy(op, c.getInputArrays(), outs, placedScalar)
                    : kernel.bind(c.getInputArrays(), outs);
            return new Exec(op, bound, c, placedScalar, axes,
                    emptyReduce, List.copyOf(updates), kernel == null ? op.opName() : kernel.name(), shapes,
                    String.join(", ", updates.stream().map(u -> u.parameter).toList()));
        }

        /** Whether this execution's kernel rounds otherwise than the libnd4j op it replaces. */
        boolean roundsOtherwise() {
            return kernel != null && !kernel.roundsAsLibnd4j();
        }

        private static boolean[] flags(List<Boolean> list) {
            boolean[] b = new boolean[list.size()];
            for (int i = 0; i < b.length; i++) {
                b[i] = list.get(i);
            }
            return b;
        }
    }

    /** A computation in Java in place of a libnd4j op, bound to a step's placed arrays. */
    interface Kernel {
        /** The kernel's name in op timings. */
        String name();

        /** The computation on {@code inputs} into {@code outputs} (the placed arrays, in the recorded order). */
        Runnable bind(List<INDArray> inputs, INDArray[] outputs);

        /** Whether the kernel's results equal, bit for bit, those of the libnd4j op it replaces. */
        default boolean roundsAsLibnd4j() {
            return false;
        }
    }
}
