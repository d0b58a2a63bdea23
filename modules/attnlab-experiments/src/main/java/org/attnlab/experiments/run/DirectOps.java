package org.attnlab.experiments.run;

import java.lang.ref.Reference;
import java.util.List;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.LongPointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.PointerPointer;
import org.nd4j.autodiff.functions.DifferentialFunction;
import org.nd4j.linalg.api.buffer.DataBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.CustomOp;
import org.nd4j.linalg.api.ops.Op;
import org.nd4j.linalg.api.ops.OpContext;
import org.nd4j.linalg.api.ops.ScalarOp;
import org.nd4j.linalg.api.ops.TransformOp;
import org.nd4j.linalg.api.ops.executioner.OpExecutioner;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOps;
import org.nd4j.nativeblas.NativeOpsHolder;
import org.nd4j.nativeblas.OpaqueContext;
import org.nd4j.nativeblas.OpaqueDataBuffer;

/**
 * Runs ops straight into libnd4j on the CPU backend, skipping what ND4J's executioner adds on every call: checks that
 * the arrays are open, a profiling hook, lists of the arrays, and (for legacy ops) new Java wrappers of every buffer
 * and shape, garbage the collector must trace. On other backends (CUDA's executioner also moves arrays between host
 * and device) ops go through ND4J.
 */
final class DirectOps {
    private static final NativeOps CPU = Nd4j.getExecutioner().type() == OpExecutioner.ExecutionerType.NATIVE_CPU
            ? NativeOpsHolder.getInstance().getDeviceNativeOps() : null;
    /** The extra pointers ND4J passes to legacy transforms (read by none of those bound here). */
    private static final PointerPointer EXTRAS = new PointerPointer(32);

    private DirectOps() {
    }

    /** Executes {@code op} with the arrays and arguments of {@code context}. */
    static void exec(CustomOp op, OpContext context) {
        if (CPU == null) {
            Nd4j.exec(op, context);
        } else if (CPU.execCustomOp2(null, op.opHash(), context.contextPointer()) != 0) {
            throw new IllegalStateException("op " + op.opName() + " failed: " + CPU.lastErrorMessage());
        }
    }

    /**
     * A legacy transform or scalar op of one input into one output (e.g. {@code exp}, {@code mul_scalar}) as the
     * libnd4j call ND4J's executioner makes for it, with the buffers, shapes, scalar and extra arguments resolved once:
     * the same kernel on the same arguments. {@code scalar} is the array a scalar op reads its scalar from, or null for
     * the op's own (copied now). Null on other backends, for other ops and for arrays of other layouts.
     */
    static Runnable legacy(DifferentialFunction function, List<INDArray> inputs, INDArray[] outputs,
                           INDArray scalar) {
        if (CPU == null || !(function instanceof Op op) || inputs.size() != 1 || outputs.length != 1
                || "ismax".equals(op.opName())) {
            return null;
        }
        INDArray x = inputs.get(0);
        INDArray z = outputs[0];
        if (x == null || z == null || x.length() != z.length()) {
            return null;
        }
        int num = op.opNum();
        OpaqueDataBuffer xb = opaque(x);
        OpaqueDataBuffer zb = opaque(z);
        if (xb == null || zb == null) {
            return null;
        }
        LongPointer xs = (LongPointer) x.shapeInfoDataBuffer().addressPointer();
        LongPointer zs = (LongPointer) z.shapeInfoDataBuffer().addressPointer();
        if (op instanceof TransformOp t) {
            Transform call = switch (t.getOpType()) {
                case TRANSFORM_FLOAT -> CPU::execTransformFloat;
                case TRANSFORM_SAME -> CPU::execTransformSame;
                case TRANSFORM_STRICT -> CPU::execTransformStrict;
                case TRANSFORM_ANY -> CPU::execTransformAny;
                case TRANSFORM_BOOL -> CPU::execTransformBool;
                default -> null;
            };
            if (call == null) {
                return null;
            }
            // ND4J passes the extra arguments in the input's type for "any" and "bool" transforms, else the output's
            boolean inInputType = t.getOpType() == Op.Type.TRANSFORM_ANY || t.getOpType() == Op.Type.TRANSFORM_BOOL;
            ExtraArgs extra = ExtraArgs.of(op, inInputType ? x.dataType() : z.dataType());
            return checked(op, () -> call.run(EXTRAS, num, xb, xs, null, zb, zs, null, extra.pointer));
        }
        if (op instanceof ScalarOp s && s.dimensions() == null) {
            Scalar call = switch (s.getOpType()) {
                case SCALAR -> CPU::execScalar;
                case SCALAR_BOOL -> CPU::execScalarBool;
                default -> null;
            };
            INDArray value = scalar != null ? scalar : s.scalar() == null ? null : s.scalar().dup();
            if (call == null || value == null || value.length() != 1 || value.dataType() != x.dataType()) {
                return null;
            }
            OpaqueDataBuffer sb = opaque(value);
            if (sb == null) {
                return null;
            }
            LongPointer ss = (LongPointer) value.shapeInfoDataBuffer().addressPointer();
            // ND4J passes the extra arguments in the output's type, the input's for comparisons
            ExtraArgs extra = ExtraArgs.of(op, s.getOpType() == Op.Type.SCALAR_BOOL ? x.dataType() : z.dataType());
            return checked(op, () -> {
                call.run(null, num, xb, xs, null, zb, zs, null, sb, ss, null, extra.pointer);
                Reference.reachabilityFence(value);
            });
        }
        return null;
    }

    /**
     * Integer and real arguments of a kept op context, set again before each run (an updater's iteration and learning
     * rate). On the CPU backend they go to libnd4j from native buffers made once; ND4J's {@code setIArguments} and
     * {@code setTArguments} make new ones (and boxed lists) on every call.
     */
    static final class Arguments {
        private final OpContext context;
        private final long[] ints;
        private final double[] reals;
        private final LongPointer intPointer;
        private final DoublePointer realPointer;

        /** Arguments of {@code context}: {@code ints} integers and {@code reals} reals. */
        Arguments(OpContext context, int ints, int reals) {
            this.context = context;
            this.ints = new long[ints];
            this.reals = new double[reals];
            boolean direct = CPU != null && context.contextPointer() instanceof OpaqueContext;
            this.intPointer = direct ? new LongPointer(Math.max(1, ints)) : null;
            this.realPointer = direct ? new DoublePointer(Math.max(1, reals)) : null;
        }

        /** Sets integer argument {@code i}; call {@link #apply} when all are set. */
        Arguments integer(int i, long value) {
            ints[i] = value;
            return this;
        }

        /** Sets real argument {@code i}; call {@link #apply} when all are set. */
        Arguments real(int i, double value) {
            reals[i] = value;
            return this;
        }

        /** Hands the arguments to the context. */
        void apply() {
            if (intPointer == null) {
                context.setIArguments(ints);
                context.setTArguments(reals);
                return;
            }
            intPointer.put(ints);
            realPointer.put(reals);
            OpaqueContext c = (OpaqueContext) context.contextPointer();
            CPU.setGraphContextIArguments(c, intPointer, ints.length);
            CPU.setGraphContextTArguments(c, realPointer, reals.length);
        }
    }

    /** The native buffer behind {@code a}'s data (the CPU backend's, which ND4J's API does not expose), or null. */
    private static OpaqueDataBuffer opaque(INDArray a) {
        try {
            return (OpaqueDataBuffer) a.data().getClass().getMethod("getOpaqueDataBuffer").invoke(a.data());
        } catch (ReflectiveOperationException | ClassCastException e) {
            return null;
        }
    }

    /** libnd4j's legacy transform entry point ({@code execTransformFloat}, {@code execTransformSame}, ...). */
    @FunctionalInterface
    private interface Transform {
        void run(PointerPointer extras, int opNum, OpaqueDataBuffer x, LongPointer xShape, LongPointer xDeviceShape,
                 OpaqueDataBuffer z, LongPointer zShape, LongPointer zDeviceShape, Pointer extraArgs);
    }

    /** libnd4j's legacy scalar entry point ({@code execScalar}, {@code execScalarBool}). */
    @FunctionalInterface
    private interface Scalar {
        void run(PointerPointer extras, int opNum, OpaqueDataBuffer x, LongPointer xShape, LongPointer xDeviceShape,
                 OpaqueDataBuffer z, LongPointer zShape, LongPointer zDeviceShape, OpaqueDataBuffer scalar,
                 LongPointer scalarShape, LongPointer scalarDeviceShape, Pointer extraArgs);
    }

    /** The call, then libnd4j's error check. */
    private static Runnable checked(Op op, Runnable call) {
        return () -> {
            call.run();
            if (CPU.lastErrorCode() != 0) {
                throw new IllegalStateException("op " + op.opName() + " failed: " + CPU.lastErrorMessage());
            }
        };
    }

    /** An op's extra arguments as ND4J passes them, and the buffer holding them (kept alive with the pointer). */
    private record ExtraArgs(DataBuffer buffer, Pointer pointer) {
        static ExtraArgs of(Op op, DataType type) {
            DataBuffer b = op.extraArgs() == null ? null : op.extraArgsDataBuff(type);
            return new ExtraArgs(b, b == null ? null : b.addressPointer());
        }
    }
}
