package org.attnlab.experiments.run;

import org.nd4j.linalg.api.ops.CustomOp;
import org.nd4j.linalg.api.ops.OpContext;
import org.nd4j.linalg.api.ops.executioner.OpExecutioner;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOps;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * Runs a custom op on a kept op context. On the CPU backend the context goes straight to libnd4j: ND4J's executioner
 * would only add checks that the arrays are open and a profiling hook, building lists of the arrays on every call. On
 * other backends (CUDA's executioner also moves arrays between host and device) it goes through ND4J.
 */
final class DirectOps {
    private static final NativeOps CPU = Nd4j.getExecutioner().type() == OpExecutioner.ExecutionerType.NATIVE_CPU
            ? NativeOpsHolder.getInstance().getDeviceNativeOps() : null;

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
}
