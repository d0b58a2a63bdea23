package org.attnlab.experiments.run;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.IntStream;
import org.attnlab.experiments.run.RecordedStep.RawExec;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.BaseReduceOp;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.impl.transforms.same.Negative;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Exp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Rewrites a recorded step's backward kernels that libnd4j 1.0.0-M2.1 runs slowly on small arrays into cheaper
 * kernels that compute the same values with the same float operations in the same order, so a replay stays
 * bit-identical to the session's step (the replay tests check this):
 * <ul>
 *   <li>{@code thresholdedrelu_bp} at threshold 0 (a scalar lambda per element) becomes {@code relu_bp} (a
 *   vectorised pairwise transform); both pass the incoming gradient where the input is positive, else 0.</li>
 *   <li>a broadcasting {@code multiply_bp} (a layer norm's gain, an attention mask), which tiles both inputs to the
 *   gradient's shape, becomes a broadcast {@code multiply} per input, plus a {@code reduce_sum} over the broadcast
 *   axes for the smaller input; a gradient nothing reads (a mask's) is not computed.</li>
 *   <li>a broadcasting {@code divide_bp} (a layer norm's division by the deviation) becomes its broadcast
 *   formula's ops, {@code g / y} and the sum of {@code (g * -x) / (y * y)} over the broadcast axes.</li>
 *   <li>a {@code reshape}, {@code expand_dims} or {@code squeeze} of one of the step's own arrays (a copy) is
 *   dropped: its output becomes a view of its input's buffer ({@link ArrayPlan#alias}).</li>
 *   <li>{@code softmax_bp}, which computes the softmax of its input again, becomes {@code s * (g - sum(s * g))} on
 *   the forward softmax's recorded output {@code s}.</li>
 *   <li>{@code softmax}, a loop per row, becomes {@code reduce_max}, a broadcast {@code subtract}, {@code exp}, a
 *   {@code reduce_sum} and a broadcast {@code divide}.</li>
 *   <li>a legacy reduction along axes (a layer norm's mean, a softmax's maximum) or of a whole array (a loss's sum)
 *   becomes libnd4j's custom op of that name, which runs the same reduction kernel on a kept context: ND4J's executor of the legacy op wraps the reduced
 *   sub-arrays' shapes and offsets in new buffers on every call, garbage that the collector must trace.</li>
 *   <li>a sum along leading axes (a bias's or a gain's gradient, in {@code add_bp} or in the rewrites above) becomes a
 *   {@link LeadingSum}, the same column sums in the same order without libnd4j's strided walk down each column; the
 *   other input's gradient in {@code add_bp} is the incoming gradient itself, as a view where possible.</li>
 * </ul>
 * One rewrite changes float rounding: a {@code matmul} or {@code matmul_bp} of matrices in batches (attention's
 * scores and weighted values, per head) becomes {@link BatchedProduct}s (small matrices, in Java) or
 * {@link BlasBatchedProduct}s (larger ones), which sum in another order than libnd4j. The system property
 * {@value #EXACT} {@code = true} keeps libnd4j's products, so that a replay is bit-identical to the session's step.
 */
final class LeanKernels {
    /** The system property that keeps libnd4j's batched products in replays. */
    static final String EXACT = "attnlab.replay.exact";

    private LeanKernels() {
    }

    /**
     * {@code execs} (a step's executions in order; an execution's index is its position in {@code plan}) with the
     * kernels above rewritten; new intermediate arrays are defined in {@code plan}.
     */
    static List<RawExec> rewrite(List<RawExec> execs, ArrayPlan plan) {
        boolean exact = Boolean.getBoolean(EXACT);
        Map<INDArray, RawExec> softmaxOf = new IdentityHashMap<>();
        Set<INDArray> updatedGradients = Collections.newSetFromMap(new IdentityHashMap<>());
        List<RawExec> out = new ArrayList<>(execs.size());
        for (int i = 0; i < execs.size(); i++) {
            RawExec e = execs.get(i);
            for (int k = 0; k < e.outputs().length; k++) {
                if (e.updated().get(k) != null) {
                    updatedGradients.add(e.outputs()[k]);
                }
            }
            List<RawExec> lean = switch (e.op().opName()) {
                case "reshape", "expand_dims", "squeeze" -> view(e, plan, updatedGradients);
                case "thresholdedrelu_bp" -> relu(e);
                case "multiply_bp" -> product(e, i, plan);
                case "add_bp" -> sumBp(e, i, plan, updatedGradients);
                case "divide_bp" -> quotient(e, i, plan);
                case "softmax_bp" -> softmax(e, softmaxOf.get(e.inputs().get(0)), i, plan);
                case "softmax" -> softmaxForward(e, i, plan);
                case "matmul" -> exact ? null : matmul(e);
                case "matmul_bp" -> exact ? null : matmulBp(e, i, plan);
                case "reduce_mean", "reduce_sum", "reduce_max", "reduce_min" -> reduction(e);
                default -> null;
            };
            if ("softmax".equals(e.op().opName())) {
                softmaxOf.put(e.inputs().get(0), e);
            }
            if (lean == null) {
                out.add(e);
            } else {
                out.addAll(lean);
            }
        }
        return out;
    }

    /**
     * No execution when a reshape's output can be its input's buffer in the output's shape ({@link #canAlias}).
     */
    private static List<RawExec> view(RawExec e, ArrayPlan plan, Set<INDArray> updatedGradients) {
        if (e.inputs().isEmpty() || e.outputs().length != 1
                || Arrays.stream(e.ints()).anyMatch(a -> Math.abs(a) == 'f')) {
            return null;
        }
        INDArray in = e.inputs().get(0);
        INDArray out = e.outputs()[0];
        if (!canAlias(in, out, e.updated().get(0), plan, updatedGradients)) {
            return null;
        }
        plan.alias(out, in);
        return List.of();
    }

    /**
     * Whether {@code out} can be {@code in}'s buffer: both are the step's own c-order arrays of one type and length,
     * neither is written again, and neither is a parameter's gradient (which its updater overwrites).
     */
    private static boolean canAlias(INDArray in, INDArray out, String parameter, ArrayPlan plan,
                                    Set<INDArray> updatedGradients) {
        return parameter == null && plan.defines(in) && plan.defines(out) && !plan.rewritten(in)
                && !plan.rewritten(out) && !updatedGradients.contains(in) && in.ordering() == 'c'
                && out.ordering() == 'c' && in.dataType() == out.dataType() && in.length() == out.length();
    }

    private static List<RawExec> relu(RawExec e) {
        if (e.reals().length != 1 || e.reals()[0] != 0.0 || e.inputs().size() != 2) {
            return null;
        }
        return List.of(RawExec.custom("relu_bp", e.inputs(), e.outputs(), new long[0], new boolean[0])
                .updating(e.updated().get(0)));
    }

    /** {@code multiply_bp(x, y, g) -> (g * y summed to x's shape, g * x summed to y's shape)}. */
    private static List<RawExec> product(RawExec e, int position, ArrayPlan plan) {
        if (!rewritableBp(e)) {
            return null;
        }
        INDArray x = e.inputs().get(0);
        INDArray y = e.inputs().get(1);
        INDArray g = e.inputs().get(2);
        if (Arrays.equals(x.shape(), y.shape())) {
            return null; // libnd4j's same-shape path is already two products
        }
        List<RawExec> lean = new ArrayList<>();
        for (int side = 0; side < 2; side++) {
            INDArray own = side == 0 ? x : y;
            INDArray other = side == 0 ? y : x;
            INDArray grad = e.outputs()[side];
            String parameter = e.updated().get(side);
            if (Arrays.equals(own.shape(), g.shape())) {
                lean.add(multiply(g, other, grad).updating(parameter));
                continue;
            }
            if (unread(grad, parameter, position, plan)) {
                continue;
            }
            int[] axes = broadcastAxes(own.shape(), g.shape());
            if (axes == null) {
                return null;
            }
            INDArray product = temporary(plan, position, g, g.shape());
            lean.add(multiply(g, other, product));
            lean.add(sum(product, axes, own.rank() == g.rank(), grad).updating(parameter));
        }
        return lean;
    }

    /**
     * {@code add_bp(x, y, g) -> (g summed to x's shape, g summed to y's shape)} where one input is broadcast along
     * leading axes (a bias): its gradient is a {@link LeadingSum}, the column sums libnd4j computes in the same order
     * without its strided walk; the other input's gradient is {@code g} itself, a view of it where both may share a
     * buffer ({@link #canAlias}), else a copy.
     */
    private static List<RawExec> sumBp(RawExec e, int position, ArrayPlan plan, Set<INDArray> updatedGradients) {
        if (!rewritableBp(e)) {
            return null;
        }
        INDArray g = e.inputs().get(2);
        if (Arrays.equals(e.inputs().get(0).shape(), e.inputs().get(1).shape())) {
            return null;
        }
        List<RawExec> lean = new ArrayList<>();
        INDArray view = null;
        for (int side = 0; side < 2; side++) {
            INDArray own = e.inputs().get(side);
            INDArray grad = e.outputs()[side];
            String parameter = e.updated().get(side);
            if (unread(grad, parameter, position, plan)) {
                continue;
            }
            if (Arrays.equals(own.shape(), g.shape())) {
                if (view == null && canAlias(g, grad, parameter, plan, updatedGradients)) {
                    view = grad;
                } else {
                    lean.add(RawExec.custom("identity", List.of(g), new INDArray[]{grad}, new long[0],
                            new boolean[0]).updating(parameter));
                }
                continue;
            }
            int[] axes = broadcastAxes(own.shape(), g.shape());
            RawExec sum = axes == null ? null : leadingSum(g, axes, grad);
            if (sum == null) {
                return null;
            }
            lean.add(sum.updating(parameter));
        }
        if (view != null) {
            plan.alias(view, g);
        }
        return lean;
    }

    /**
     * {@code divide_bp(x, y, g) -> (g / y summed to x's shape, (g * -x) / (y * y) summed to y's shape)}, libnd4j's
     * broadcast formula, whose {@code divide_bp} would tile both inputs first.
     */
    private static List<RawExec> quotient(RawExec e, int position, ArrayPlan plan) {
        if (!rewritableBp(e)) {
            return null;
        }
        INDArray x = e.inputs().get(0);
        INDArray y = e.inputs().get(1);
        INDArray g = e.inputs().get(2);
        if (Arrays.equals(x.shape(), y.shape()) || y.length() == 1 || !Arrays.equals(x.shape(), g.shape())) {
            return null; // the same-shape and scalar paths do not tile; a broadcast x is not rewritten
        }
        int[] axes = broadcastAxes(y.shape(), g.shape());
        if (axes == null) {
            return null;
        }
        List<RawExec> lean = new ArrayList<>();
        lean.add(binary("divide", g, y, e.outputs()[0]).updating(e.updated().get(0)));
        String parameter = e.updated().get(1);
        if (unread(e.outputs()[1], parameter, position, plan)) {
            return lean;
        }
        INDArray negated = temporary(plan, position, g, g.shape());
        INDArray product = temporary(plan, position, g, g.shape());
        INDArray squared = temporary(plan, position, y, y.shape());
        INDArray ratio = temporary(plan, position, g, g.shape());
        lean.add(RawExec.of(new Negative(), List.of(x), new INDArray[]{negated}, new long[0], new boolean[0]));
        lean.add(multiply(g, negated, product));
        lean.add(multiply(y, y, squared));
        lean.add(binary("divide", product, squared, ratio));
        lean.add(sum(ratio, axes, y.rank() == g.rank(), e.outputs()[1]).updating(parameter));
        return lean;
    }

    /** A legacy reduction along given axes as the custom op of the same name. */
    private static List<RawExec> reduction(RawExec e) {
        if (!(e.op() instanceof BaseReduceOp r) || e.emptyReduce() || e.outputs().length != 1 || e.inputs().isEmpty()
                || e.inputs().size() > 2 || e.scalar() != null) {
            return null;
        }
        int[] axes = e.axes();
        INDArray in = e.inputs().get(0);
        if (axes == null && e.inputs().size() == 1 && r.dimensions() != null) {
            axes = r.dimensions().toIntVector();
        }
        if (axes != null && Arrays.stream(axes).anyMatch(a -> a == Integer.MAX_VALUE)) {
            // ND4J's mark for a reduction of the whole array, which libnd4j runs as the reduction along every axis
            axes = IntStream.range(0, in.rank()).toArray();
        }
        if (axes == null || axes.length == 0 || in.dataType() != e.outputs()[0].dataType()
                || !Arrays.equals(reducedShape(in.shape(), axes, r.isKeepDims()), e.outputs()[0].shape())) {
            return null;
        }
        RawExec sum = "reduce_sum".equals(e.op().opName()) ? leadingSum(in, axes, e.outputs()[0]) : null;
        return List.of((sum != null ? sum : RawExec.custom(e.op().opName(), List.of(in), e.outputs(),
                Arrays.stream(axes).mapToLong(a -> a).toArray(), new boolean[]{r.isKeepDims()}))
                .updating(e.updated().get(0)));
    }

    /** {@code shape} reduced along {@code axes}: those axes dropped, or of size 1 when {@code keepDims}. */
    private static long[] reducedShape(long[] shape, int[] axes, boolean keepDims) {
        boolean[] reduced = new boolean[shape.length];
        for (int a : axes) {
            int axis = a < 0 ? a + shape.length : a;
            if (axis < 0 || axis >= shape.length) {
                return null;
            }
            reduced[axis] = true;
        }
        List<Long> out = new ArrayList<>();
        for (int i = 0; i < shape.length; i++) {
            if (!reduced[i]) {
                out.add(shape[i]);
            } else if (keepDims) {
                out.add(1L);
            }
        }
        return out.stream().mapToLong(Long::longValue).toArray();
    }

    /** {@code matmul(a, b) -> c} as a batched product in Java or OpenBLAS ({@link #product}), when it is one. */
    private static List<RawExec> matmul(RawExec e) {
        boolean[] t = transposes(e);
        if (t == null || e.inputs().size() != 2 || e.outputs().length != 1) {
            return null;
        }
        INDArray a = e.inputs().get(0);
        INDArray b = e.inputs().get(1);
        INDArray c = e.outputs()[0];
        RawExec product = c == a || c == b ? null : product(e, a, b, c, t[0], t[1]);
        return product == null ? null : List.of(product.updating(e.updated().get(0)));
    }

    /**
     * {@code matmul_bp(a, b, g) -> (ga, gb)} for {@code c = op(a) * op(b)} as two batched products ({@link #product}):
     * {@code ga = g * op(b)^T} ({@code op(b) * g^T} when a is transposed) and {@code gb = op(a)^T * g}
     * ({@code g^T * op(a)} when b is transposed); a gradient nothing reads is not computed.
     */
    private static List<RawExec> matmulBp(RawExec e, int position, ArrayPlan plan) {
        boolean[] t = transposes(e);
        if (t == null || !rewritableBp(e)) {
            return null;
        }
        INDArray a = e.inputs().get(0);
        INDArray b = e.inputs().get(1);
        INDArray g = e.inputs().get(2);
        boolean ta = t[0];
        boolean tb = t[1];
        Operands[] sides = {ta ? new Operands(b, g, tb, true) : new Operands(g, b, false, !tb),
                tb ? new Operands(g, a, true, ta) : new Operands(a, g, !ta, false)};
        List<RawExec> lean = new ArrayList<>();
        for (int side = 0; side < 2; side++) {
            INDArray grad = e.outputs()[side];
            String parameter = e.updated().get(side);
            if (unread(grad, parameter, position, plan)) {
                continue;
            }
            Operands o = sides[side];
            RawExec product = product(e, o.x, o.y, grad, o.tx, o.ty);
            if (product == null) {
                return null;
            }
            lean.add(product.updating(parameter));
        }
        return lean;
    }

    /** The operands of a product {@code op(x) * op(y)}, with their transposes. */
    private record Operands(INDArray x, INDArray y, boolean tx, boolean ty) {
    }

    /** A {@code matmul}'s or {@code matmul_bp}'s transposes of a and b; null for a transposed result or a scaling. */
    private static boolean[] transposes(RawExec e) {
        long[] ints = e.ints();
        double[] reals = e.reals();
        if (ints.length > 3 || ints.length == 3 && ints[2] != 0
                || reals.length > 0 && reals[0] != 1.0 || reals.length > 1 && reals[1] != 0.0 || reals.length > 2) {
            return null;
        }
        return new boolean[]{ints.length > 0 && ints[0] != 0, ints.length > 1 && ints[1] != 0};
    }

    /**
     * {@code c = op(a) * op(b)} in place of (part of) {@code replaced}: a {@link BatchedProduct} in Java for small
     * matrices, a {@link BlasBatchedProduct} for larger ones; null when the arrays are not a batch of products.
     */
    private static RawExec product(RawExec replaced, INDArray a, INDArray b, INDArray c, boolean ta, boolean tb) {
        boolean blas;
        if (BatchedProduct.fits(a, b, c, ta, tb)) {
            blas = false;
        } else if (BlasBatchedProduct.fits(a, b, c, ta, tb)) {
            blas = true;
        } else {
            return null;
        }
        String name = replaced.op().opName() + (blas ? " (blas)" : " (java)");
        return RawExec.java(new Product(name, ta, tb, blas), replaced.op(), List.of(a, b), new INDArray[]{c});
    }

    /** A batched product of a step's two input arrays into its output, with its transposes. */
    private record Product(String name, boolean ta, boolean tb, boolean blas) implements RecordedStep.Kernel {
        @Override
        public Runnable bind(List<INDArray> inputs, INDArray[] outputs) {
            INDArray a = inputs.get(0);
            INDArray b = inputs.get(1);
            Runnable product = blas ? BlasBatchedProduct.of(a, b, outputs[0], ta, tb)
                    : BatchedProduct.of(a, b, outputs[0], ta, tb);
            return Objects.requireNonNull(product, "the placed arrays do not fit the recorded product");
        }
    }

    /**
     * {@code in} summed along the leading axes {@code axes} into {@code into} as a {@link LeadingSum}; null when the
     * axes are not the leading ones or the arrays do not fit it.
     */
    private static RawExec leadingSum(INDArray in, int[] axes, INDArray into) {
        int[] sorted = Arrays.stream(axes).map(a -> a < 0 ? a + in.rank() : a).sorted().toArray();
        for (int a = 0; a < sorted.length; a++) {
            if (sorted[a] != a) {
                return null;
            }
        }
        if (!LeadingSum.fits(in, into, sorted.length)) {
            return null;
        }
        return RawExec.java(new Summed(sorted.length), DynamicCustomOp.builder("reduce_sum").build(), List.of(in),
                new INDArray[]{into});
    }

    /** A {@link LeadingSum} over the first {@code axes} axes of a step's input array into its output. */
    private record Summed(int axes) implements RecordedStep.Kernel {
        @Override
        public String name() {
            return "reduce_sum (java)";
        }

        @Override
        public Runnable bind(List<INDArray> inputs, INDArray[] outputs) {
            return Objects.requireNonNull(LeadingSum.of(inputs.get(0), outputs[0], axes),
                    "the placed arrays do not fit the recorded sum");
        }

        @Override
        public boolean roundsAsLibnd4j() {
            return true;
        }
    }

    /**
     * Whether a binary op's backward execution {@code (x, y, g) -> (gx, gy)} can be rewritten: it does not write into
     * one of its inputs (the rewrites read their inputs after writing).
     */
    private static boolean rewritableBp(RawExec e) {
        if (e.inputs().size() != 3 || e.outputs().length != 2) {
            return false;
        }
        for (INDArray out : e.outputs()) {
            for (INDArray in : e.inputs()) {
                if (out == in) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Whether nothing reads {@code gradient} (written at {@code position}) and no parameter is updated from it. */
    private static boolean unread(INDArray gradient, String parameter, int position, ArrayPlan plan) {
        return parameter == null && plan.lastUse(gradient) <= position;
    }

    /** A new intermediate array like {@code like} of {@code shape}, written by the op at {@code position}. */
    private static INDArray temporary(ArrayPlan plan, int position, INDArray like, long[] shape) {
        INDArray a = Nd4j.create(like.dataType(), shape, like.ordering());
        plan.define(a, position);
        return a;
    }

    /**
     * {@code softmax(x)} along one axis as libnd4j's vectorised ops, {@code e = exp(x - max(x))} and {@code e / sum(e)},
     * the float operations its softmax kernel performs row by row (the replay tests find the results bit-identical).
     */
    private static List<RawExec> softmaxForward(RawExec e, int position, ArrayPlan plan) {
        INDArray x = e.inputs().size() == 1 ? e.inputs().get(0) : null;
        INDArray out = e.outputs().length == 1 ? e.outputs()[0] : null;
        if (x == null || out == null || out == x || e.ints().length != 1 || x.rank() < 2
                || !Arrays.equals(x.shape(), out.shape()) || x.dataType() != out.dataType()) {
            return null;
        }
        int axis = (int) (e.ints()[0] < 0 ? e.ints()[0] + x.rank() : e.ints()[0]);
        long[] reduced = x.shape().clone();
        reduced[axis] = 1;
        INDArray max = temporary(plan, position, x, reduced);
        INDArray shifted = temporary(plan, position, x, x.shape());
        INDArray exp = temporary(plan, position, x, x.shape());
        INDArray total = temporary(plan, position, x, reduced);
        return List.of(RawExec.custom("reduce_max", List.of(x), new INDArray[]{max}, new long[]{axis},
                        new boolean[]{true}),
                binary("subtract", x, max, shifted),
                RawExec.of(new Exp(), List.of(shifted), new INDArray[]{exp}, new long[0], new boolean[0]),
                sum(exp, new int[]{axis}, true, total),
                binary("divide", exp, total, out).updating(e.updated().get(0)));
    }

    /** {@code softmax_bp(input, g) -> s * (g - sum(s * g, axis))} with {@code s} the forward softmax of input. */
    private static List<RawExec> softmax(RawExec e, RawExec forward, int position, ArrayPlan plan) {
        INDArray input = e.inputs().get(0);
        if (forward == null || e.ints().length != 1 || !Arrays.equals(forward.ints(), e.ints())
                || !plan.defines(forward.outputs()[0]) || plan.rewritten(forward.outputs()[0])
                || plan.defines(input) && plan.rewritten(input)) {
            return null; // no forward softmax, or its input or output changed since it ran
        }
        INDArray s = forward.outputs()[0];
        INDArray g = e.inputs().get(1);
        int axis = (int) e.ints()[0];
        long[] reduced = g.shape().clone();
        reduced[axis < 0 ? axis + g.rank() : axis] = 1;
        plan.use(s, position);
        INDArray weighted = temporary(plan, position, g, g.shape());
        INDArray total = temporary(plan, position, g, reduced);
        INDArray centred = temporary(plan, position, g, g.shape());
        return List.of(multiply(s, g, weighted),
                sum(weighted, new int[]{axis}, true, total),
                binary("subtract", g, total, centred),
                multiply(s, centred, e.outputs()[0]).updating(e.updated().get(0)));
    }

    private static RawExec multiply(INDArray a, INDArray b, INDArray into) {
        return binary("multiply", a, b, into);
    }

    /** libnd4j's broadcasting custom op {@code name} on {@code a} and {@code b}, into {@code into}. */
    private static RawExec binary(String name, INDArray a, INDArray b, INDArray into) {
        return RawExec.custom(name, List.of(a, b), new INDArray[]{into}, new long[0], new boolean[0]);
    }

    /** {@code in} summed along {@code axes} into {@code into}: a {@link LeadingSum} where it fits, else libnd4j's. */
    private static RawExec sum(INDArray in, int[] axes, boolean keepDims, INDArray into) {
        RawExec leading = leadingSum(in, axes, into);
        return leading != null ? leading : RawExec.custom("reduce_sum", List.of(in), new INDArray[]{into},
                Arrays.stream(axes).mapToLong(a -> a).toArray(), new boolean[]{keepDims});
    }

    /**
     * The axes of {@code full} that {@code part} is broadcast along (every leading axis {@code part} lacks, and each
     * axis where it has size 1 and {@code full} does not); null when summing them would not give {@code part}'s shape
     * (a lower rank with inner axes of size 1).
     */
    private static int[] broadcastAxes(long[] part, long[] full) {
        int lead = full.length - part.length;
        List<Integer> axes = new ArrayList<>();
        boolean inner = false;
        for (int a = 0; a < full.length; a++) {
            if (a < lead) {
                axes.add(a);
            } else if (part[a - lead] == 1 && full[a] != 1) {
                axes.add(a);
                inner = true;
            } else if (part[a - lead] != full[a]) {
                return null;
            }
        }
        if (lead > 0 && inner) {
            return null;
        }
        return axes.stream().mapToInt(Integer::intValue).toArray();
    }
}
