package org.attnlab.bench.profile;

import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import org.nd4j.autodiff.listeners.At;
import org.nd4j.autodiff.listeners.BaseListener;
import org.nd4j.autodiff.listeners.Operation;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.internal.SameDiffOp;
import org.nd4j.linalg.api.buffer.DataBuffer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.OpContext;
import org.nd4j.linalg.dataset.api.MultiDataSet;

/**
 * A SameDiff listener that times every op execution of training (forward and backward ops alike) from
 * {@code preOpExecution} to {@code opExecution}, summed per op type ({@code matmul}, {@code reshape}, ...), and counts
 * the op outputs whose buffer is new: not among the outputs of the previous step (a session that reuses released
 * arrays hands the same buffers out again; fresh ones cost allocation and first-touch page faults).
 */
final class OpTimer extends BaseListener {
    private final Map<String, OpStats> byType = new HashMap<>();
    private long opStart;
    private long iterations;
    private Set<DataBuffer> previous = identitySet();
    private Set<DataBuffer> current = identitySet();
    private long newBuffers;
    private long newBytes;

    @Override
    public boolean isActive(Operation operation) {
        return operation == Operation.TRAINING;
    }

    @Override
    public void preOpExecution(SameDiff sd, At at, SameDiffOp op, OpContext opContext) {
        opStart = System.nanoTime();
    }

    @Override
    public void opExecution(SameDiff sd, At at, MultiDataSet batch, SameDiffOp op, OpContext opContext,
                            INDArray[] outputs) {
        long nanos = System.nanoTime() - opStart;
        byType.computeIfAbsent(op.getOp().opName(), OpStats::new).add(nanos);
        for (INDArray o : outputs) {
            DataBuffer b = o == null ? null : o.data();
            if (b != null && current.add(b) && iterations > 1 && !previous.contains(b)) {
                newBuffers++;
                newBytes += b.length() * b.getElementSize();
            }
        }
    }

    @Override
    public void iterationStart(SameDiff sd, At at, MultiDataSet data, long etlTimeMs) {
        iterations++;
        previous = current;
        current = identitySet();
    }

    /** Op outputs with a buffer new since the previous step, summed over the steps seen after the first. */
    long newBuffers() {
        return newBuffers;
    }

    /** Bytes of those new buffers, summed over the same steps. */
    long newBytes() {
        return newBytes;
    }

    private static Set<DataBuffer> identitySet() {
        return Collections.newSetFromMap(new IdentityHashMap<>());
    }

    /** Per-type totals so far. */
    Map<String, OpStats> byType() {
        return byType;
    }

    /** Training iterations seen. */
    long iterations() {
        return iterations;
    }

    /** Executions and time of one op type. */
    static final class OpStats {
        final String type;
        long count;
        long nanos;

        OpStats(String type) {
            this.type = type;
        }

        void add(long ns) {
            count++;
            nanos += ns;
        }
    }
}
